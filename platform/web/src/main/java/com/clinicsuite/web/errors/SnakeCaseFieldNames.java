package com.clinicsuite.web.errors;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.inject.Singleton;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Bean Validation names fields as the JSON does ({@code package_amount}, not {@code packageAmount}), so a 422
 * names the field the caller actually sent. Quarkus picks this bean up for its validator factory.
 */
@Singleton
public class SnakeCaseFieldNames implements PropertyNodeNameProvider {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    @Override
    public String getName(Property property) {
        String name = property instanceof JavaBeanProperty bean ? bean.getName() : property.getName();
        return SNAKE.translate(name);
    }
}
