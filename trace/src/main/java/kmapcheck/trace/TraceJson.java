package kmapcheck.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON form of a {@link Trace} (schema: {@code trace/src/main/resources/kmapcheck/trace/trace.schema.json}).
 * Value encoding: integers, booleans and strings are JSON scalars; a tuple/sequence is an array;
 * the other kinds are tagged objects: {@code {"mv":"t1"}}, {@code {"set":[..]}},
 * {@code {"rec":{..}}}, {@code {"fn":[[k,v],..]}}.
 */
public final class TraceJson {
    public static final String FORMAT = "kmapcheck-trace/1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TraceJson() {}

    public static ObjectNode toJson(Trace t) {
        ObjectNode root = F.objectNode();
        root.put("format", FORMAT);
        root.put("source", t.source());
        root.put("model", t.model());
        ArrayNode vars = root.putArray("vars");
        t.vars().forEach(vars::add);
        ArrayNode states = root.putArray("state");
        for (Trace.State s : t.states()) {
            ArrayNode pair = states.addArray();
            pair.add(s.index());
            ObjectNode vals = pair.addObject();
            for (String v : t.vars()) {
                Value x = s.get(v);
                if (x != null) vals.set(v, encode(x));
            }
        }
        ArrayNode actions = root.putArray("action");
        for (Trace.Action a : t.actions()) {
            ObjectNode o = actions.addObject();
            o.put("index", a.index());
            o.put("name", a.name());
            if (a.location() != null) o.put("location", a.location());
            if (!a.actor().isEmpty()) {
                ObjectNode actor = o.putObject("actor");
                a.actor().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> actor.put(e.getKey(), e.getValue()));
            }
            if (a.stutter()) o.put("stutter", true);
            if (a.kernel() != null) o.put("kernel", a.kernel());
            if (!a.impl().isEmpty()) {
                ArrayNode impl = o.putArray("impl");
                a.impl().forEach(impl::add);
            }
        }
        if (t.violation() != null) {
            Trace.Violation v = t.violation();
            ObjectNode o = root.putObject("violation");
            o.put("kind", v.kind());
            o.put("property", v.property());
            if (v.loopTo() != null) o.put("loopTo", v.loopTo());
            if (v.message() != null) o.put("message", v.message());
        }
        return root;
    }

    public static String write(Trace t) {
        try {
            return M.writeValueAsString(toJson(t));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Trace t, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, write(t) + "\n");
    }

    public static Trace read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static Trace parse(String json) throws IOException {
        JsonNode root = M.readTree(json);
        if (!FORMAT.equals(root.path("format").asText()))
            throw new IOException("not a " + FORMAT + " trace (format=" + root.path("format").asText() + ")");
        List<String> vars = new ArrayList<>();
        root.path("vars").forEach(n -> vars.add(n.asText()));
        List<Trace.State> states = new ArrayList<>();
        for (JsonNode pair : root.path("state")) {
            Map<String, Value> vals = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = pair.get(1).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                vals.put(e.getKey(), decode(e.getValue()));
            }
            states.add(new Trace.State(pair.get(0).asInt(), vals));
        }
        List<Trace.Action> actions = new ArrayList<>();
        for (JsonNode a : root.path("action")) {
            Map<String, String> actor = new LinkedHashMap<>();
            a.path("actor").fields().forEachRemaining(e -> actor.put(e.getKey(), e.getValue().asText()));
            List<String> impl = new ArrayList<>();
            a.path("impl").forEach(n -> impl.add(n.asText()));
            actions.add(new Trace.Action(a.path("index").asInt(), a.path("name").asText(),
                    a.hasNonNull("location") ? a.get("location").asText() : null, actor,
                    a.path("stutter").asBoolean(false),
                    a.hasNonNull("kernel") ? a.get("kernel").asText() : null, impl));
        }
        Trace.Violation violation = null;
        JsonNode v = root.get("violation");
        if (v != null && !v.isNull()) {
            violation = new Trace.Violation(v.path("kind").asText(), v.path("property").asText(),
                    v.hasNonNull("loopTo") ? v.get("loopTo").asInt() : null,
                    v.hasNonNull("message") ? v.get("message").asText() : null);
        }
        return new Trace(root.path("source").asText(), root.path("model").asText(), vars, states, actions, violation);
    }

    public static JsonNode encode(Value v) {
        if (v instanceof Value.Int i) return F.numberNode(i.v());
        if (v instanceof Value.Bool b) return F.booleanNode(b.v());
        if (v instanceof Value.Str s) return F.textNode(s.v());
        if (v instanceof Value.ModelValue m) return F.objectNode().put("mv", m.name());
        if (v instanceof Value.Seq s) {
            ArrayNode a = F.arrayNode();
            s.items().forEach(x -> a.add(encode(x)));
            return a;
        }
        if (v instanceof Value.SetV s) {
            ObjectNode o = F.objectNode();
            ArrayNode a = o.putArray("set");
            s.items().forEach(x -> a.add(encode(x)));
            return o;
        }
        if (v instanceof Value.Rec r) {
            ObjectNode o = F.objectNode();
            ObjectNode f = o.putObject("rec");
            r.fields().forEach((k, x) -> f.set(k, encode(x)));
            return o;
        }
        Value.Fn f = (Value.Fn) v;
        ObjectNode o = F.objectNode();
        ArrayNode a = o.putArray("fn");
        f.map().forEach((k, x) -> {
            ArrayNode pair = a.addArray();
            pair.add(encode(k));
            pair.add(encode(x));
        });
        return o;
    }

    public static Value decode(JsonNode n) {
        if (n.isIntegralNumber()) return new Value.Int(n.asLong());
        if (n.isBoolean()) return new Value.Bool(n.asBoolean());
        if (n.isTextual()) return new Value.Str(n.asText());
        if (n.isArray()) {
            List<Value> items = new ArrayList<>();
            n.forEach(x -> items.add(decode(x)));
            return new Value.Seq(items);
        }
        if (n.isObject()) {
            if (n.has("mv")) return new Value.ModelValue(n.get("mv").asText());
            if (n.has("set")) {
                List<Value> items = new ArrayList<>();
                n.get("set").forEach(x -> items.add(decode(x)));
                return new Value.SetV(items);
            }
            if (n.has("rec")) {
                Map<String, Value> f = new LinkedHashMap<>();
                n.get("rec").fields().forEachRemaining(e -> f.put(e.getKey(), decode(e.getValue())));
                return new Value.Rec(f);
            }
            if (n.has("fn")) {
                Map<Value, Value> m = new LinkedHashMap<>();
                n.get("fn").forEach(p -> m.put(decode(p.get(0)), decode(p.get(1))));
                return new Value.Fn(m);
            }
        }
        throw new IllegalArgumentException("not an encoded TLA+ value: " + n);
    }
}
