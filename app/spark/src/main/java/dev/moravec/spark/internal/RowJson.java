package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** The JSON value of a Spark row's value: structs as objects, arrays and maps as arrays and objects. */
final class RowJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RowJson() {}

    /**
     * @param value a value as {@link Row#get(int)} gives it
     * @param mapper the mapper whose nodes to build
     * @return its JSON; text for types JSON lacks (dates, timestamps), base64 for binary
     */
    static JsonNode value(Object value, ObjectMapper mapper) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String text -> NODES.textNode(text);
            case Boolean bool -> NODES.booleanNode(bool);
            case Byte b -> NODES.numberNode(b.intValue());
            case Short s -> NODES.numberNode(s.intValue());
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Float f -> NODES.numberNode(f);
            case Double d -> NODES.numberNode(d);
            case BigDecimal d -> NODES.numberNode(d);
            case byte[] bytes -> NODES.binaryNode(bytes);
            case Row row -> struct(row, mapper);
            case scala.collection.Map<?, ?> map -> object(CollectionConverters.asJava(map), mapper);
            case scala.collection.Iterable<?> items -> array(CollectionConverters.asJava(items), mapper);
            default -> NODES.textNode(value.toString());
        };
    }

    private static ObjectNode struct(Row row, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        for (int i = 0; i < row.size(); i++) {
            node.set(row.schema().fields()[i].name(), value(row.get(i), mapper));
        }
        return node;
    }

    private static ObjectNode object(Map<?, ?> map, ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        map.forEach((key, item) -> node.set(String.valueOf(key), value(item, mapper)));
        return node;
    }

    private static ArrayNode array(Iterable<?> items, ObjectMapper mapper) {
        ArrayNode node = mapper.createArrayNode();
        for (Object item : items) {
            node.add(value(item, mapper));
        }
        return node;
    }
}
