package com.clinicsuite.vocabulary.persistence;

import com.clinicsuite.vocabulary.ReminderChannel;
import jakarta.persistence.Converter;

/** A {@link ReminderChannel} column holds its code. */
@Converter
public class ReminderChannelConverter extends CodedConverter<ReminderChannel> {

    public ReminderChannelConverter() {
        super(ReminderChannel.class);
    }
}
