package dev.forecourt.workshop.parts;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** hr-service's token endpoint, used for the svc-workshop service account. */
@FeignClient(name = "hr-auth", url = "${forecourt.peers.hr.url:http://localhost:8081}")
interface HrAuthClient {

    record Credentials(String username, String password) {
    }

    record Token(String accessToken, Long expiresIn) {
    }

    @PostMapping("/api/v1/auth/token")
    Token token(@RequestBody Credentials credentials);
}
