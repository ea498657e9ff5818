package dev.forecourt.parts.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Our views answer an absent person or amount as {@code null} (a purchase order not yet approved
 * has {@code approvedBy: null}). OpenAPI 3.0 cannot mark a {@code $ref} property nullable, so every
 * property that refers to another schema and is not required is written out in place (a copy of
 * the referenced object schema) with {@code nullable: true}.
 */
@Component
class NullableReferences implements GlobalOpenApiCustomizer {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = new LinkedHashMap<>((Map<String, Schema>) schema.getProperties());
            properties.replaceAll((name, property) -> {
                String ref = property.get$ref();
                if (required.contains(name) || ref == null || !ref.startsWith(PREFIX)) {
                    return property;
                }
                Schema target = schemas.get(ref.substring(PREFIX.length()));
                if (target == null || target.getProperties() == null || target.getEnum() != null) {
                    return property;
                }
                Schema inline = new ObjectSchema();
                inline.setProperties(target.getProperties());
                inline.setRequired(target.getRequired());
                inline.setDescription(property.getDescription() != null ? property.getDescription() : target.getDescription());
                inline.setNullable(true);
                return inline;
            });
            schema.setProperties(properties);
        });
    }
}
