package dev.forecourt.devstack;

import static dev.forecourt.devstack.FlowSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ContractCheck;

/** The contract check is not a formality: an answer that deviates from the document fails it. */
class ContractCheckTest {

    @Test
    void aRealAnswerFitsAndTheSameAnswerAlteredDoesNot() {
        Api storekeeper = RunningStack.as("storekeeper");
        Api.Response real = expect(storekeeper.get("/api/v1/parts/06L115562B"), 200);
        ContractCheck contract = RunningStack.contract();
        Map<String, String> headers = Map.of("Authorization", "Bearer x");
        assertThat(contract.problems("GET", "/api/v1/parts/06L115562B", headers, null, real)).isEmpty();

        Api.Response wrongType = new Api.Response(200, real.headers(), real.body().replace("\"minStock\":", "\"minStock\":\"many\",\"was\":"));
        assertThat(contract.problems("GET", "/api/v1/parts/06L115562B", headers, null, wrongType))
                .as("a field of the wrong type").isNotEmpty();

        Api.Response undocumentedStatus = new Api.Response(418, real.headers(), real.body());
        assertThat(contract.problems("GET", "/api/v1/parts/06L115562B", headers, null, undocumentedStatus))
                .as("a status the document does not list").isNotEmpty();

        assertThat(contract.problems("GET", "/api/v1/nothing-here", headers, null, real)).containsExactly("no document has GET /api/v1/nothing-here");
    }
}
