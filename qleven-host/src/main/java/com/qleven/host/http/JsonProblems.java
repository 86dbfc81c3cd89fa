package com.qleven.host.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's failures into 400 problems that name the member and say what it should be.
 * Jackson's own messages quote the input, which may be a password, so they never reach the client.
 */
final class JsonProblems {
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private JsonProblems() {
    }

    static HttpProblem from(IOException failure) {
        // Databind wraps a syntax error met inside a member in a mapping error carrying the path;
        // the syntax error is what the client must fix.
        if (failure instanceof JsonMappingException mapping && failure.getCause() instanceof JsonProcessingException cause
                && !(cause instanceof JsonMappingException)) {
            if (cause instanceof InputCoercionException && !mapping.getPath().isEmpty()) {
                return Problems.invalid(field(mapping.getPath(), "is out of range"));
            }
            return from(cause);
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalid(field(unknown.getPath(), "is not a known member"));
        }
        if (failure instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return mismatch.getMessage() != null && mismatch.getMessage().startsWith("No content to map")
                        ? Problems.invalid(ProblemField.body("is required"))
                        : Problems.invalid(ProblemField.body("must be a JSON object"));
            }
            return Problems.invalid(field(mismatch.getPath(), expectation(mismatch.getTargetType())));
        }
        if (failure instanceof StreamReadException syntax) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(syntax.getOriginalMessage()));
            JsonParser parser = syntax.getProcessor();
            if (duplicate.find() && parser != null) {
                String name = path(parser.getParsingContext()) + duplicate.group(1);
                return Problems.invalid(new ProblemField(name, ProblemField.pointer(name), "appears more than once"));
            }
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Problems.invalid(ProblemField.body("is not valid JSON" + where));
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problems.invalid(field(mapping.getPath(), "has the wrong type"));
        }
        return Problems.invalid(ProblemField.body("is not valid JSON"));
    }

    private static ProblemField field(List<JsonMappingException.Reference> path, String message) {
        StringBuilder name = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(ref.getFieldName());
                pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
                pointer.append('/').append(ref.getIndex());
            }
        }
        return name.length() == 0 ? ProblemField.body(message) : new ProblemField(name.toString(), pointer.toString(), message);
    }

    /** The dotted path of the object being read, with a trailing dot, for a duplicate member inside it. */
    private static String path(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = context == null ? null : context.getParent(); c != null; c = c.getParent()) {
            if (c.getCurrentName() != null) {
                names.push(c.getCurrentName());
            }
        }
        return names.isEmpty() ? "" : String.join(".", names) + ".";
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type.isEnum()) {
            return "is not one of the allowed values";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
