package dev.forecourt.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

@ForecourtServiceTest
class WebConventionsTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api as(String token) {
        return Api.at(port).as(token);
    }

    String creator() {
        return TestTokens.staff("hr", "hr-specialist", "widgets:create");
    }

    @Test
    void invalidFieldsAnswer400ProblemWithTheFailingFieldsAndWriteNothing() {
        long before = mongo.count(new Query(), "widgets");
        Api.Response response = as(creator()).post("/api/v1/widgets", "{\"name\":\"\",\"quantity\":0}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("name", "quantity");
        assertThat(mongo.count(new Query(), "widgets")).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonAnswers415ProblemBeforeThePathIsReadAndARawBodyIsLeftAlone() {
        for (String type : List.of("application/xml", "application/x-www-form-urlencoded", "text/plain")) {
            Api.Response response = as(creator()).header("Content-Type", type).send("PUT", "/api/v1/widgets/any/name", "<rename><name>x</name></rename>");
            assertThat(response.status()).as(type).isEqualTo(415);
            assertThat(response.isProblem()).isTrue();
        }
        Api.Response raw = as(creator()).header("Content-Type", "application/octet-stream").send("POST", "/api/v1/widgets/raw-notes", "bytes as sent");
        assertThat(raw.status()).isEqualTo(200);
    }

    @Test
    void malformedJsonAnswers400Problem() {
        Api.Response response = as(creator()).post("/api/v1/widgets", "{\"name\":");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/malformed-request");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        Api.Response response = as(creator()).post("/api/v1/widgets", "{\"name\":\"x\",\"quantity\":\"many\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("quantity");
    }

    @Test
    void aBodyOverOneMebibyteAnswers413ProblemAndWritesNothing() {
        long before = mongo.count(new Query(), "widgets");
        Api.Response response = as(creator()).post("/api/v1/widgets", "{\"name\":\"" + "x".repeat(2 << 20) + "\",\"quantity\":1}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
        assertThat(mongo.count(new Query(), "widgets")).isEqualTo(before);
    }

    @Test
    void aNulCharacterInAQueryParameterAnswers400Problem() {
        Api.Response response = as(creator()).get("/api/v1/widgets?name=a%00b");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aUrlTheFirewallRefusesStillAnswersProblemJson() {
        Api.Response response = as(creator()).get("/api/v1/widgets/a%3Bb");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/bad-request");
    }

    @Test
    void anUnknownResourceAnswers404Problem() {
        Api.Response response = as(creator()).get("/api/v1/widgets/nope");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/not-found");
    }

    @Test
    void tokensAreRequiredAndVerified() {
        assertThat(Api.at(port).get("/api/v1/widgets/x").status()).isEqualTo(401);
        assertThat(as(TestTokens.tampered("hr", "hr-specialist", "widgets:create")).get("/api/v1/widgets/x").status()).isEqualTo(401);
        assertThat(as(TestTokens.unsigned("hr", "hr-specialist", "widgets:create")).get("/api/v1/widgets/x").status()).isEqualTo(401);
        assertThat(as(TestTokens.signedByStranger("hr", "hr-specialist", "widgets:create")).get("/api/v1/widgets/x").status()).isEqualTo(401);
        assertThat(as(TestTokens.expired("hr", "hr-specialist", "widgets:create")).get("/api/v1/widgets/x").status()).isEqualTo(401);
        assertThat(as(TestTokens.otherStore("hr", "hr-specialist", "widgets:create")).get("/api/v1/widgets/x").status()).isEqualTo(401);
        Api.Response unauthorized = Api.at(port).get("/api/v1/widgets/x");
        assertThat(unauthorized.isProblem()).isTrue();
    }

    @Test
    void aMissingPermissionAnswers403Problem() {
        Api.Response response = as(TestTokens.staff("advisor", "service-advisor", "repair-orders:open"))
                .post("/api/v1/widgets", "{\"name\":\"x\",\"quantity\":1}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/forbidden");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstResultAndCreatesOnce() {
        Api api = as(creator()).header("Idempotency-Key", "key-" + System.nanoTime());
        Api.Response first = api.post("/api/v1/widgets", "{\"name\":\"once\",\"quantity\":2}");
        Api.Response second = api.post("/api/v1/widgets", "{\"name\":\"once\",\"quantity\":2}");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.at("/id")).isEqualTo(first.at("/id"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(mongo.count(Query.query(Criteria.where("name").is("once")), "widgets")).isEqualTo(1);

        Api.Response reused = api.post("/api/v1/widgets", "{\"name\":\"other\",\"quantity\":2}");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.at("/type")).isEqualTo("https://forecourt.dev/problems/idempotency-key-reused");
    }

    @Test
    void healthAndDocsNeedNoToken() {
        assertThat(Api.at(port).get("/actuator/health").at("/status")).isEqualTo("UP");
        assertThat(Api.at(port).get("/actuator/health").json().has("components")).as("UP or DOWN only, to anyone").isFalse();
        assertThat(Api.at(port).get("/v3/api-docs").status()).isEqualTo(200);
    }
}
