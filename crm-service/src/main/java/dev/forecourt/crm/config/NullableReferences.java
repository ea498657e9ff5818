package dev.forecourt.crm.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Our views answer an absent nested object as {@code null} (a customer without a club membership has {@code club: null}, a
 * callback not yet made {@code outcome: null}). The platform documents optional plain properties as nullable; a property that
 * refers to another schema cannot carry {@code nullable} next to its {@code $ref} in OpenAPI 3.0, so the schema such an
 * optional property refers to is documented as nullable itself.
 */
@Component
class NullableReferences implements OpenApiCustomizer {

    private static final String COMPONENTS = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> optionallyReferred = new HashSet<>();
        for (Schema<?> schema : schemas.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (!required.contains(name) && property.get$ref() != null && property.get$ref().startsWith(COMPONENTS)) {
                    optionallyReferred.add(property.get$ref().substring(COMPONENTS.length()));
                }
            });
        }
        optionallyReferred.stream().map(schemas::get).filter(java.util.Objects::nonNull).forEach(s -> s.setNullable(true));
    }
}
