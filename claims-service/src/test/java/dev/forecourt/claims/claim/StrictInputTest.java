package dev.forecourt.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forecourt.claims.ClaimsIntegrationTest;
import dev.forecourt.platform.test.Api;

/** Claims' own bodies are read strictly: what the administrator sends is what was meant, or it is refused. */
class StrictInputTest extends ClaimsIntegrationTest {

    static final String PATH = "/api/v1/warranty-claims";

    @Test
    void anUnknownPropertySmuggledIntoAClaimIsRefusedNotIgnored() {
        String base = readyClaimJson(unique("ro"), "Oil filter housing seal hardened and cracked").strip();
        String smuggled = "{\"$where\":\"sleep(1000)\"," + base.substring(1);

        Api.Response answer = api().post(PATH, smuggled);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("$where");
    }

    @Test
    void aNumberWhereTextBelongsOrTextWhereANumberBelongsIsNotCoerced() {
        String base = readyClaimJson(unique("ro"), "Oil filter housing seal hardened and cracked");

        assertThat(api().post(PATH, base.replace("\"model\":\"Lavida\"", "\"model\":12345")).status()).isEqualTo(400);
        assertThat(api().post(PATH, base.replace("\"odometerKm\":23000", "\"odometerKm\":\"23000\"")).status()).isEqualTo(400);
        assertThat(api().post(PATH, base.replace("\"roadService\":false", "\"roadService\":0")).status()).isEqualTo(400);
        assertThat(api().post(PATH, base.replace("\"odometerKm\":23000", "\"odometerKm\":23000.5")).status()).isEqualTo(400);
    }

    @Test
    void aPartPriceWithMoreThanTwoDecimalsIsRefusedNotRounded() {
        String base = readyClaimJson(unique("ro"), "Oil filter housing seal hardened and cracked");

        Api.Response answer = api().post(PATH, base.replace("\"amount\":88.00", "\"amount\":88.005"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.at("/type")).endsWith("/money-precision");
    }

    @Test
    void aControlCharacterInFreeTextIsRefusedButANewlineIsFine() {
        String base = readyClaimJson(unique("ro"), "Oil filter housing seal hardened and cracked");

        assertThat(api().post(PATH, base.replace("Engine oil leak at the front", "Engine oil leak\\u0000 at the front")).status())
                .isEqualTo(400);
        assertThat(api().post(PATH, base.replace("Engine oil leak at the front", "Engine oil leak\\nat the front")).status())
                .isEqualTo(201);
    }

    @Test
    void anUnknownPropertyInTheGoodwillApprovalIsRefused() {
        String id = draftReadyClaim().at("/id");
        Api director = client().as(dev.forecourt.platform.test.TestTokens.staff("servicedirector", "service-director",
                "claims:read", "claims:approve-goodwill"));

        assertThat(director.post(PATH + "/" + id + "/goodwill-approval", "{\"note\":\"ok\",\"approved\":true}").status()).isEqualTo(400);
    }

    @Test
    void aReportPeriodInTheYear300000000IsRefusedWith400NotA500() {
        Api.Response answer = api().get("/api/v1/claims-reports/summary?from=+300000000-01-01");
        Api.Response past = api().get("/api/v1/claims-reports/rejection-reasons?to=-300000000-01-01");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(past.status()).isEqualTo(400);
    }
}
