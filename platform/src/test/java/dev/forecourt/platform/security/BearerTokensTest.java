package dev.forecourt.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The loop reads exactly what Spring Security's regular expression reads, and refuses exactly what it refuses. */
class BearerTokensTest {

    final BearerTokens loop = new BearerTokens();
    final DefaultBearerTokenResolver framework = new DefaultBearerTokenResolver();

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln", "bearer abc", "BEARER abc==", "Bearer a-b._~+/9",
            "Bearer x=", "Basic dXNlcjpwYXNz", "Digest x", "", " Bearer abc", "Token abc",
            // malformed: the framework answers 401 for each
            "Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer ===", "Bearer abc=def", "Bearer abc\n", "Bearer\tabc",
            "Bearerabc", "bearer:abc", "Bearer abc!", "Bearer ä"})
    void answersAsTheFrameworkDoes(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/parts");
        request.addHeader("Authorization", header);
        String expected;
        try {
            expected = framework.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            assertThatThrownBy(() -> loop.resolve(request)).isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessage(refused.getMessage());
            return;
        }
        assertThat(loop.resolve(request)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void noHeaderIsAnAnonymousRequestAndAQueryTokenIsNotRead(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/parts");
        request.setParameter("access_token", "abc");
        assertThat(framework.resolve(request)).isNull();
        assertThat(loop.resolve(request)).isNull();
    }
}
