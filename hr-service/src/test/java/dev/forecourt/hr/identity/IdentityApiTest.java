package dev.forecourt.hr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.forecourt.hr.HrProperties;
import dev.forecourt.hr.HrServiceTestBase;
import dev.forecourt.hr.Logins;
import dev.forecourt.platform.test.Api;
import dev.forecourt.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

class IdentityApiTest extends HrServiceTestBase {

    @Autowired
    SigningKeys keys;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HrProperties properties;

    @Autowired
    KeyEncryption encryption;

    @Test
    void aLoginReturnsAShortLivedRs256TokenWithTheGuidesClaimsAndARefreshToken() {
        Api.Response response = Logins.loginOk(port, "warranty", Logins.DEMO_PASSWORD);
        String token = response.at("/accessToken");

        assertThat(response.at("/tokenType")).isEqualTo("Bearer");
        assertThat(response.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(response.at("/refreshToken")).isNotBlank();
        assertThat(response.header("Cache-Control")).contains("no-store");
        JsonNode header = Logins.header(token);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        JsonNode claims = Logins.claims(token);
        assertThat(claims.get("iss").asString()).isEqualTo("forecourt-hr");
        assertThat(claims.get("sub").asString()).startsWith("emp-");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("warranty");
        assertThat(claims.get("name").asString()).isEqualTo("沈洁 Shen Jie");
        assertThat(claims.get("storeId").asString()).isEqualTo(TestTokens.STORE_ID);
        assertThat(claims.get("position").asString()).isEqualTo("warranty-administrator");
        assertThat(claims.get("permissions").valueStream().map(JsonNode::asString)).contains("claims:submit").doesNotContain("parts:issue");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(keyIds(anonymous().get("/.well-known/jwks.json"))).contains(header.get("kid").asString());
    }

    @Test
    void theServiceAcceptsItsOwnTokens() {
        assertThat(as("gm").get("/api/v1/positions").status()).isEqualTo(200);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = Logins.tokenOf(port, "advisor").split("\\.");
        String payload = Logins.claims(Logins.tokenOf(port, "advisor")).toString().replace("\"permissions\":[", "\"permissions\":[\"positions:write\",");
        String tampered = parts[0] + "." + Logins.base64(payload) + "." + parts[2];

        assertUnauthorized(Api.at(port).checked().as(tampered).get("/api/v1/positions"));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String payload = Logins.claims(Logins.tokenOf(port, "gm")).toString();
        String none = Logins.base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Logins.base64(payload) + ".";

        assertUnauthorized(Api.at(port).checked().as(none).get("/api/v1/positions"));
        assertUnauthorized(Api.at(port).checked().as(TestTokens.unsigned("gm", "general-manager", "positions:read")).get("/api/v1/positions"));
    }

    @Test
    void tokensSignedByAKeyThatIsNotOursOrExpiredOrOfAnotherStoreAreRefused() {
        assertUnauthorized(Api.at(port).checked().as(TestTokens.staff("gm", "general-manager", "positions:read")).get("/api/v1/positions"));
        assertUnauthorized(Api.at(port).checked().as(TestTokens.signedByStranger("gm", "general-manager", "positions:read")).get("/api/v1/positions"));
        assertUnauthorized(Api.at(port).checked().as("not-a-jwt").get("/api/v1/positions"));
        assertUnauthorized(Api.at(port).checked().get("/api/v1/positions"));
    }

    @Test
    void fiveWrongPasswordsFromOneAddressAreHeldBackWith429AndRetryAfter() {
        String username = hireSomeone("guessed");
        String guesser = Logins.freshAddress();
        for (int attempt = 1; attempt <= 4; attempt++) {
            Api.Response wrong = Logins.loginFrom(port, guesser, username, "wrong-password-" + attempt);
            assertThat(wrong.status()).as("attempt " + attempt).isEqualTo(401);
            assertThat(wrong.at("/type")).isEqualTo("https://forecourt.dev/problems/invalid-credentials");
        }

        Api.Response fifth = Logins.loginFrom(port, guesser, username, "wrong-password-5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.isProblem()).isTrue();
        assertThat(fifth.at("/type")).isEqualTo("https://forecourt.dev/problems/login-throttled");
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(1L, 3L);

        Api.Response rightPasswordFromTheGuessersAddress = Logins.loginFrom(port, guesser, username, "initial-pass-123");
        assertThat(rightPasswordFromTheGuessersAddress.status()).as("no password is checked while held back").isEqualTo(429);
        assertThat(rightPasswordFromTheGuessersAddress.header("Retry-After")).isNotBlank();
    }

    @Test
    void fiveAnonymousFailuresNoLongerLockTheRealUserOut() {
        String username = hireSomeone("victim");
        String herDesk = Logins.freshAddress();
        Logins.loginOk(port, username, "initial-pass-123");
        assertThat(Logins.loginFrom(port, herDesk, username, "initial-pass-123").status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Logins.login(port, username, "guess-" + attempt);
        }

        Api.Response fromHerDesk = Logins.loginFrom(port, herDesk, username, "initial-pass-123");
        assertThat(fromHerDesk.status()).as(fromHerDesk.toString()).isEqualTo(200);
    }

    @Test
    void guessesSpreadOverManyAddressesAreStillHeldBackPerUsername() {
        String username = hireSomeone("targeted");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(Logins.login(port, username, "guess-" + attempt).status()).isEqualTo(401);
        }

        Api.Response fifth = Logins.login(port, username, "guess-5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.at("/type")).isEqualTo("https://forecourt.dev/problems/login-throttled");
        assertThat(Logins.login(port, username, "guess-6").status()).as("from yet another address").isEqualTo(429);
    }

    @Test
    void twoClientsBehindTheGatewayAreHeldBackApart() {
        String guesser = Logins.freshAddress();
        String colleague = Logins.freshAddress();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            statuses.add(Logins.loginFrom(port, guesser, "nobody-" + java.util.UUID.randomUUID(), "wrong-" + attempt).status());
        }
        assertThat(statuses).as("the guesser's address is held back").containsExactly(401, 401, 401, 401, 429);
        assertThat(Logins.loginFrom(port, guesser, "nobody-" + java.util.UUID.randomUUID(), "wrong").status()).isEqualTo(429);

        assertThat(Logins.loginFrom(port, colleague, "nobody-" + java.util.UUID.randomUUID(), "wrong").status())
                .as("another machine behind the same gateway is not").isEqualTo(401);
        assertThat(Logins.loginFrom(port, colleague, "hr", Logins.DEMO_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aForwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() {
        // a loopback address other than 127.0.0.1 is no trusted proxy; each attempt names another client
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String peer = "127." + random.nextInt(2, 250) + "." + random.nextInt(1, 250) + "." + random.nextInt(1, 250);
        List<String> named = new java.util.ArrayList<>();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            String forged = Logins.freshAddress();
            named.add(forged);
            statuses.add(Logins.loginFromPeer(port, peer, forged, "nobody-" + java.util.UUID.randomUUID(), "wrong-" + attempt));
        }
        assertThat(statuses).as("counted under the peer's own address, whatever the header said").containsExactly(401, 401, 401, 401, 429);
        assertThat(Logins.loginFromPeer(port, peer, Logins.freshAddress(), "hr", Logins.DEMO_PASSWORD)).isEqualTo(429);
        // none of the forged addresses was counted
        assertThat(Logins.loginFrom(port, named.get(0), "hr", Logins.DEMO_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void exemptionsAreAddressesOrCidrBlocks() {
        assertThat(ClientAddress.inRange("127.0.0.1", "127.0.0.0/8")).isTrue();
        assertThat(ClientAddress.inRange("172.20.1.9", "172.16.0.0/12")).isTrue();
        assertThat(ClientAddress.inRange("172.32.0.1", "172.16.0.0/12")).isFalse();
        assertThat(ClientAddress.inRange("203.0.113.7", "10.0.0.0/8")).isFalse();
        assertThat(ClientAddress.inRange("::1", "::1")).isTrue();
    }

    @Test
    void theGeneralManagerOrHrUnlocksAHeldBackEmployee() {
        String username = hireSomeone("unlock");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Logins.login(port, username, "guess-" + attempt);
        }
        assertThat(Logins.login(port, username, "initial-pass-123").status()).isEqualTo(429);
        String id = idOf(username);

        assertThat(as("advisor").post("/api/v1/employees/" + id + "/unlock").status()).isEqualTo(403);
        Api.Response unlocked = as("hr").post("/api/v1/employees/" + id + "/unlock");

        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(unlocked.at("/wasHeld")).isEqualTo("true");
        assertThat(unlocked.at("/unlockedBy")).isEqualTo("hr");
        Logins.loginOk(port, username, "initial-pass-123");
        assertThat(as("gm").post("/api/v1/employees/" + id + "/unlock").at("/wasHeld")).isEqualTo("false");
    }

    @Test
    void aSuccessfulLoginResetsTheCountOfWrongPasswords() {
        String username = hireSomeone("reset");
        for (int attempt = 1; attempt <= 4; attempt++) {
            Logins.login(port, username, "wrong");
        }
        Logins.loginOk(port, username, "initial-pass-123");

        assertThat(Logins.login(port, username, "wrong").status()).isEqualTo(401);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        Api.Response response = Logins.login(port, unique("nobody"), "whatever-1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.at("/type")).isEqualTo("https://forecourt.dev/problems/invalid-credentials");
    }

    @Test
    void aRefreshTokenGivesANewPairOnceAndStopsWorkingWhenTheEmployeeLeaves() {
        String username = hireSomeone("refresh");
        String refresh = Logins.loginOk(port, username, "initial-pass-123").at("/refreshToken");

        Api.Response renewed = anonymous().post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(Logins.claims(renewed.at("/accessToken")).get("preferred_username").asString()).isEqualTo(username);
        assertThat(anonymous().post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").status())
                .as("a refresh token is single-use").isEqualTo(401);

        String id = idOf(username);
        assertThat(as("hr").post("/api/v1/employees/" + id + "/leave", "{\"reason\":\"moved to another city\"}").status()).isEqualTo(200);

        Api.Response afterLeaving = anonymous().post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + renewed.at("/refreshToken") + "\"}");
        assertThat(afterLeaving.status()).isEqualTo(401);
        assertThat(afterLeaving.isProblem()).isTrue();
        assertThat(Logins.login(port, username, "initial-pass-123").status()).isEqualTo(401);
    }

    @Test
    void theServiceAccountGetsATokenForReservingParts() {
        JsonNode claims = Logins.claims(Logins.loginOk(port, "svc-workshop", SVC_WORKSHOP_PASSWORD).at("/accessToken"));

        assertThat(claims.get("sub").asString()).isEqualTo("svc-workshop");
        assertThat(claims.get("position").asString()).isEqualTo("service-account");
        assertThat(claims.get("permissions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("parts:read", "parts:reserve");
    }

    @Test
    void duringARotationBothKeysArePublishedAndTokensOfTheOldKeyStayValid() {
        String before = Logins.loginOk(port, "gm", Logins.DEMO_PASSWORD).at("/accessToken");
        String oldKid = Logins.header(before).get("kid").asString();

        Api.Response rotated = Api.at(port).checked().as(before).post("/api/v1/auth/keys/rotate");
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = rotated.at("/signingKey");

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(keyIds(anonymous().get("/.well-known/jwks.json"))).contains(oldKid, newKid);
        String after = Logins.loginOk(port, "gm", Logins.DEMO_PASSWORD).at("/accessToken");
        assertThat(Logins.header(after).get("kid").asString()).isEqualTo(newKid);
        assertThat(Api.at(port).checked().as(before).get("/api/v1/positions").status()).isEqualTo(200);
        assertThat(Api.at(port).checked().as(after).get("/api/v1/positions").status()).isEqualTo(200);
    }

    @Test
    void aRestartedInstanceSignsWithTheStoredKeysSoEarlierTokensStayValid() {
        SigningKeys afterRestart = new SigningKeys(mongo, encryption, Clock.systemUTC(), properties);

        assertThat(afterRestart.signer().kid()).isEqualTo(keys.signer().kid());
        assertThat(afterRestart.published()).extracting(SigningKey::kid).containsExactlyInAnyOrderElementsOf(
                keys.published().stream().map(SigningKey::kid).toList());
    }

    @Test
    void theStoredKeyRingHoldsNoPrivateKeyInPlainAndAKeyWrittenEncryptedIsReadBack() {
        Logins.loginOk(port, "gm", Logins.DEMO_PASSWORD);
        org.bson.Document stored = mongo.getCollection("signing_keys").find().first();
        List<org.bson.Document> storedKeys = stored.getList("keys", org.bson.Document.class);

        assertThat(storedKeys).isNotEmpty().allSatisfy(key -> assertThat(key.getString("privateKey")).startsWith("aes-gcm:"));
        assertThat(stored.toJson()).doesNotContain("MIIE").doesNotContain("MIIC");
        SigningKeys afterRestart = new SigningKeys(mongo, encryption, Clock.systemUTC(), properties);
        SigningKey signer = afterRestart.signer();
        assertThat(afterRestart.privateJwk(signer).toPublicJWK()).isEqualTo(signer.publicJwk());
    }

    @Test
    void onlyTheHolderOfSecurityAdminMayRotateKeys() {
        assertThat(as("advisor").post("/api/v1/auth/keys/rotate").status()).isEqualTo(403);
        assertThat(as("hr").post("/api/v1/auth/keys/rotate").status()).isEqualTo(403);
    }

    @Test
    void badLoginRequestsNameTheMissingFields() {
        Api.Response response = anonymous().post("/api/v1/auth/token", "{\"username\":\"\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("username", "password");
    }

    private String hireSomeone(String prefix) {
        String username = unique(prefix);
        Api.Response hired = as("hr").post("/api/v1/employees", """
                {"username":"%s","name":"测试 Test","positionCode":"parts-planner","initialPassword":"initial-pass-123"}
                """.formatted(username));
        assertThat(hired.status()).as(hired.toString()).isEqualTo(201);
        return username;
    }

    private String idOf(String username) {
        return as("hr").get("/api/v1/employees?position=parts-planner&size=200").json().get("items").valueStream()
                .filter(e -> username.equals(e.get("username").asString())).findFirst().orElseThrow().get("id").asString();
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    private static List<String> keyIds(Api.Response jwks) {
        assertThat(jwks.status()).isEqualTo(200);
        jwks.json().get("keys").forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.has("d")).as("no private part in the JWKS").isFalse();
        });
        return jwks.json().get("keys").valueStream().map(k -> k.get("kid").asString()).toList();
    }
}
