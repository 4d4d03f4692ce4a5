package org.drlp.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drlp.api.ParameterType;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Conversions between JSON values and the plain Java values that {@link org.drlp.api.Parameters} takes. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * The Java value of a spec entry: strings, booleans, lists and maps as such; a number as a Double
     * for a REAL parameter, else as a Long when it is integral (so that messages show it as written).
     *
     * @param type the declared type of the parameter, or null when it is not declared
     */
    static Object toJava(JsonElement value, ParameterType type) {
        if (value == null || value.isJsonNull()) return null;
        if (value.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonElement item : value.getAsJsonArray()) list.add(toJava(item, type));
            return list;
        }
        if (value.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                map.put(e.getKey(), toJava(e.getValue(), null));
            }
            return map;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) return primitive.getAsBoolean();
        if (primitive.isString()) return primitive.getAsString();
        BigDecimal number = primitive.getAsBigDecimal();
        if (type != ParameterType.REAL && type != ParameterType.REAL_LIST) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException notAnExactLong) {
                // falls through: Parameters reports a non-integer (or too large) value in its own words
            }
        }
        return number.doubleValue();
    }

    /** The JSON form of a resolved parameter value or result; NaN and infinities become null. */
    static JsonElement toJson(Object value) {
        if (value == null) return JsonNull.INSTANCE;
        if (value instanceof Double || value instanceof Float) return number(((Number) value).doubleValue());
        if (value instanceof Number n) return new JsonPrimitive(n);
        if (value instanceof Boolean b) return new JsonPrimitive(b);
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            for (Object item : list) array.add(toJson(item));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> e : map.entrySet()) object.add(String.valueOf(e.getKey()), toJson(e.getValue()));
            return object;
        }
        return new JsonPrimitive(value.toString());
    }

    /** A number, or null for NaN and infinities (which JSON cannot hold). */
    static JsonElement number(double value) {
        return Double.isFinite(value) ? new JsonPrimitive(value) : JsonNull.INSTANCE;
    }
}
