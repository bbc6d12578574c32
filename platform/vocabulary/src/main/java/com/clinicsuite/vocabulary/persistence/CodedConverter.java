package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.Coded;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link Coded} enum as its code, so a column keeps the values it always held ({@code completed}, not
 * {@code COMPLETED}): no migration. A subclass per enum is what an entity names in {@code @Convert}.
 */
public abstract class CodedConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return Coded.fromCode(type, column);
    }
}
