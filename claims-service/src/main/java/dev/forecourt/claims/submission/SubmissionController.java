package dev.forecourt.claims.submission;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.claims.claim.ClaimView;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/warranty-claims")
@Tag(name = "Warranty claims")
public class SubmissionController {

    private final Submitting submitting;

    public SubmissionController(Submitting submitting) {
        this.submitting = submitting;
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('claims:submit')")
    @Operation(summary = "Submit (or resubmit after NEEDS_INFO / REJECTED) to the OEM; SUBMISSION_PENDING while the OEM is unreachable",
            operationId = "submitWarrantyClaim")
    public ClaimView submit(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch,
                            Actor actor) {
        return ClaimView.of(submitting.submit(id, ifMatch == null ? ExpectedVersion.ANY : ifMatch, actor));
    }
}
