package dev.forecourt.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.forecourt.platform.test.ForecourtServiceTest;
import dev.forecourt.platform.test.TestTokens;

/**
 * Hostile input: a body that is not JSON (XML, a form, text) answers 415 problem+json at every
 * operation that takes a body — optional bodies too — whatever the rest of the request holds.
 */
@ForecourtServiceTest
class UnsupportedMediaTypeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern AUTHORITY = Pattern.compile("'([a-z][a-z0-9-]*:[a-z0-9-]+)'");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Target(String method, String path, boolean bodyRequired) {
    }


    @Test
    void xmlFormsAndTextSentToAnyOperationWithABodyAreAnswered415ProblemJsonOptionalBodyOrNot() throws Exception {
        List<Target> targets = new ArrayList<>();
        Set<String> permissions = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.forecourt.crm")) {
                return;
            }
            MethodParameter body = null;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = parameter;
                }
            }
            if (body == null) {
                return;
            }
            permissions.addAll(permissions(handler));
            boolean required = body.getParameterAnnotation(RequestBody.class).required();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(verb -> {
                    targets.add(new Target(verb.name(), concrete(pattern, handler, true), required));
                    if (pattern.contains("{")) {
                        // path variables that do not convert (text for a line number) must not turn the 415 into a 400
                        targets.add(new Target(verb.name(), concrete(pattern, handler, false), required));
                    }
                });
            }
        });
        assertThat(targets).as("operations with a body").hasSizeGreaterThan(3);
        assertThat(targets).as("some with an optional body").anyMatch(t -> !t.bodyRequired());
        String token = TestTokens.staff("tester", "tester", permissions.toArray(String[]::new));

        List<String> wrong = new ArrayList<>();
        for (Target target : targets) {
            for (String[] sent : List.of(new String[] {"application/xml", "<request><reason>xml</reason></request>"},
                    new String[] {"application/x-www-form-urlencoded", "reason=form"},
                    new String[] {"text/plain", "{\"reason\":\"text\"}"})) {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target.path()))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Content-Type", sent[0])
                        .method(target.method(), HttpRequest.BodyPublishers.ofString(sent[1])).build(), HttpResponse.BodyHandlers.ofString());
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (answer.statusCode() != 415 || !type.startsWith("application/problem+json") || !answer.body().contains("unsupported-media-type")) {
                    wrong.add(target.method() + " " + target.path() + " (" + sent[0] + ") -> " + answer.statusCode() + " " + type + " " + answer.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Path variables filled with something of their type (a number for numbers, a plausible id otherwise), or all with text. */
    private static String concrete(String pattern, HandlerMethod handler, boolean typed) {
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value = "X-1";
            for (MethodParameter parameter : handler.getMethodParameters()) {
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                if (variable != null && (name.equals(variable.value()) || name.equals(variable.name()) || name.equals(parameter.getParameterName()))) {
                    Class<?> type = parameter.getParameterType();
                    if (typed && (type == int.class || type == Integer.class || type == long.class || type == Long.class)) {
                        value = "1";
                    }
                }
            }
            variables.appendReplacement(path, value);
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static Set<String> permissions(HandlerMethod handler) {
        Set<String> found = new TreeSet<>();
        for (PreAuthorize rule : new PreAuthorize[] {AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class),
                AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class)}) {
            if (rule != null) {
                Matcher matcher = AUTHORITY.matcher(rule.value());
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
