package org.certboard.candidate.application;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores an application's checks as JSON text (column {@code checks}), so the aggregate works with the list itself.
 * The checks hold only strings, booleans and an enum: a plain mapper writes them exactly as the application's does.
 */
@Converter
public class ChecksColumn implements AttributeConverter<List<CheckView>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CheckView>> CHECKS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<CheckView> checks) {
        try {
            return JSON.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the checks of a decision", e);
        }
    }

    @Override
    public List<CheckView> convertToEntityAttribute(String checks) {
        try {
            return List.copyOf(JSON.readValue(checks, CHECKS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checks are not readable", e);
        }
    }
}
