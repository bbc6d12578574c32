package com.clinicsuite.credit.config;

import jakarta.inject.Singleton;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/** Validation errors name fields as the JSON does ({@code package_amount}, not {@code packageAmount}). */
@Singleton
public class SnakeCaseFieldNames implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        return property.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
