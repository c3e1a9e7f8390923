package io.feedbackloop.categorize.service;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;

/** Net Promoter class of a 0–10 answer: promoters 9–10, passives 7–8, detractors 0–6. */
public enum NpsClass {
    PROMOTER, PASSIVE, DETRACTOR;

    public static NpsClass of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS score is 0 to 10, not " + score);
        }
        if (score >= 9) {
            return PROMOTER;
        }
        return score >= 7 ? PASSIVE : DETRACTOR;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stored as the wire name, so the table reads the same as the events. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<NpsClass, String> {
        @Override
        public String convertToDatabaseColumn(NpsClass value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public NpsClass convertToEntityAttribute(String value) {
            return value == null ? null : NpsClass.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
