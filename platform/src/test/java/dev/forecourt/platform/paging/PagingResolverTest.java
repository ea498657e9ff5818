package dev.forecourt.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

class PagingResolverTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final PagingResolver resolver = new PagingResolver(VALIDATOR);

    @SuppressWarnings("unused")
    void list(@Valid Paging paging) {
    }

    @Test
    void plainNumbersWithinTheBoundsMakeThePagingWithoutSpringsBinding() throws Exception {
        WebDataBinderFactory noBinding = (request, target, name) -> {
            throw new AssertionError("Spring's binding was used");
        };
        assertThat(resolve(noBinding)).isEqualTo(new Paging(0, 20));
        assertThat(resolve(noBinding, "page", "3", "size", "200")).isEqualTo(new Paging(3, 200));
        assertThat(resolve(noBinding, "size", "007")).isEqualTo(new Paging(0, 7));
    }

    @Test
    void everythingElseIsAnsweredBySpringsBindingAsBefore() {
        for (String[] query : new String[][] {{"size", "abc"}, {"page", "1.5"}, {"size", "-1"}, {"size", "1000"}, {"size", "0"},
                {"page", "99999999"}, {"size", "5", "size", "6"}}) {
            assertThatThrownBy(() -> resolve(springsBinding(), query)).as(String.join("=", query))
                    .isInstanceOfSatisfying(MethodArgumentNotValidException.class,
                            e -> assertThat(e.getBindingResult().getFieldError(query[0])).isNotNull());
        }
    }

    @Test
    void aSpaceOrAnEmptyValueIsStillReadBySpringsBinding() throws Exception {
        // (StrictQueries refuses an empty parameter before any controller; a space around a number Spring trims)
        assertThat(resolve(springsBinding(), "size", " 5")).isEqualTo(new Paging(0, 5));
        assertThat(resolve(springsBinding(), "size", "")).isEqualTo(new Paging(0, 20));
    }

    private Object resolve(WebDataBinderFactory binding, String... query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        for (int i = 0; i < query.length; i += 2) {
            request.addParameter(query[i], query[i + 1]);
        }
        return resolver.resolveArgument(pagingParameter(), new ModelAndViewContainer(), new ServletWebRequest(request), binding);
    }

    private MethodParameter pagingParameter() throws NoSuchMethodException {
        return new MethodParameter(getClass().getDeclaredMethod("list", Paging.class), 0);
    }

    private static WebDataBinderFactory springsBinding() {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setValidator(new SpringValidatorAdapter(VALIDATOR));
        return new ServletRequestDataBinderFactory(null, initializer);
    }
}
