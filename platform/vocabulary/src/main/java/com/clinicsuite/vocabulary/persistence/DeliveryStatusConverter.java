package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.DeliveryStatus;
import jakarta.persistence.Converter;

/** A {@link DeliveryStatus} column holds its code. */
@Converter
public class DeliveryStatusConverter extends CodedConverter<DeliveryStatus> {

    public DeliveryStatusConverter() {
        super(DeliveryStatus.class);
    }
}
