package dev.forecourt.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {

    @RestController
    @RequestMapping("/api/v1/parts")
    static class Parts {
        @GetMapping
        String list() {
            return "";
        }

        @GetMapping("/{partNumber}")
        String part(@PathVariable String partNumber) {
            return partNumber;
        }

        @GetMapping("/{partNumber}/stock")
        String stock(@PathVariable String partNumber) {
            return partNumber;
        }

        @PostMapping(path = "/{partNumber}/issues", consumes = MediaType.APPLICATION_JSON_VALUE)
        String issue(@PathVariable String partNumber, @RequestBody String body) {
            return partNumber;
        }
    }

    @RestController
    static class Others {
        @GetMapping({"/api/v1/suppliers/{id}", "/api/v1/vendors/{id}"})
        String supplier(@PathVariable String id) {
            return id;
        }

        @GetMapping("/api/v1/supplier-reports/{month}")
        String report(@PathVariable String month) {
            return month;
        }

        @GetMapping("/files/**")
        String file() {
            return "";
        }

        @GetMapping("/{anything}/echo")
        String echo(@PathVariable String anything) {
            return anything;
        }
    }

    private final RequestMappingHandlerMapping spring = mapping(new RequestMappingHandlerMapping());
    private final RequestMappingHandlerMapping ours = mapping(new LiteralPrefixHandlerMapping());

    @Test
    void everyRequestFindsWhatSpringsOwnLookupFinds() {
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (String path : new String[] {"/api/v1/parts", "/api/v1/parts/", "/api/v1/parts/06L115562B", "/api/v1/parts/06L115562B/stock",
                "/api/v1/parts/06L115562B/issues", "/api/v1/suppliers/s-1", "/api/v1/vendors/s-1", "/api/v1/supplier-reports/2026-12",
                "/api/v1/p%61rts/06L115562B/stock", "/files/a/b.pdf", "/whatever/echo", "/api/v1/nothing/here", "/"}) {
            for (String method : new String[] {"GET", "POST", "DELETE", "OPTIONS"}) {
                requests.add(request(method, path, MediaType.APPLICATION_JSON_VALUE));
            }
        }
        requests.add(request("POST", "/api/v1/parts/06L115562B/issues", MediaType.TEXT_PLAIN_VALUE));
        MockHttpServletRequest preflight = request("OPTIONS", "/api/v1/parts/06L115562B/stock", null);
        preflight.addHeader("Origin", "https://front.example");
        preflight.addHeader("Access-Control-Request-Method", "GET");
        requests.add(preflight);

        for (MockHttpServletRequest request : requests) {
            assertThat(outcome(ours, request)).as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo(outcome(spring, request));
        }
        assertThat(outcome(ours, request("GET", "/api/v1/parts/06L115562B/stock", null))).isEqualTo("Parts#stock");
        assertThat(outcome(ours, request("DELETE", "/api/v1/parts/06L115562B", null))).isEqualTo("HttpRequestMethodNotSupportedException");
        assertThat(outcome(ours, request("GET", "/api/v1/p%61rts/06L115562B/stock", null))).isEqualTo("Parts#stock");
    }

    @Test
    void aPathIsMatchedOnlyAgainstTheMappingsItsLiteralStartAllows() {
        // Spring evaluates each mapping's method condition first: the reads of getMethod() grow with the mappings tried
        int tried = methodReads(spring, "/api/v1/suppliers/s-1");
        int triedOurs = methodReads(ours, "/api/v1/suppliers/s-1");
        assertThat(triedOurs).isLessThan(tried / 2);
    }

    @Test
    void theLiteralStartEndsAtTheFirstVariableOrWildcard() {
        assertThat(prefixes("/api/v1/parts/{partNumber}/stock")).containsExactly("/api/v1/parts/");
        assertThat(prefixes("/files/**")).containsExactly("/files/");
        assertThat(prefixes("/api/v1/parts", "/api/v1/items/{id}")).containsExactlyInAnyOrder("/api/v1/parts", "/api/v1/items/");
        assertThat(prefixes("/{anything}/echo")).isNull();
        assertThat(prefixes("/api/v1/supplier?/{id}")).containsExactly("/api/v1/supplier");
    }

    private static String[] prefixes(String... patterns) {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        return LiteralPrefixHandlerMapping.literalPrefixes(RequestMappingInfo.paths(patterns).options(config).build());
    }

    private static int methodReads(RequestMappingHandlerMapping mapping, String path) {
        AtomicInteger reads = new AtomicInteger();
        HttpServletRequest counting = new HttpServletRequestWrapper(request("GET", path, null)) {
            @Override
            public String getMethod() {
                reads.incrementAndGet();
                return super.getMethod();
            }
        };
        assertThat(outcome(mapping, counting)).isEqualTo("Others#supplier");
        return reads.get();
    }

    private static String outcome(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "no handler";
            }
            return chain.getHandler() instanceof HandlerMethod method ? method.getBeanType().getSimpleName() + "#" + method.getMethod().getName()
                    : chain.getHandler().getClass().getSimpleName();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static MockHttpServletRequest request(String method, String path, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        return request;
    }

    private static <M extends RequestMappingHandlerMapping> M mapping(M mapping) {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("parts", Parts.class);
        context.registerSingleton("others", Others.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }
}
