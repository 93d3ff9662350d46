package org.jlvs.admin.control;

import java.io.DataOutputStream;
import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.table.Command;

/**
 * The control socket's JSON messages ({@link Frames} frames them). The core's records are mapped
 * with mix-ins, so the core stays free of Jackson.
 */
public final class ControlCodec {
    private static final ObjectMapper MAPPER = mapper();

    private ControlCodec() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Command.AddService.class, name = "add-service"),
        @JsonSubTypes.Type(value = Command.EditService.class, name = "edit-service"),
        @JsonSubTypes.Type(value = Command.DeleteService.class, name = "delete-service"),
        @JsonSubTypes.Type(value = Command.Clear.class, name = "clear"),
        @JsonSubTypes.Type(value = Command.AddDest.class, name = "add-dest"),
        @JsonSubTypes.Type(value = Command.EditDest.class, name = "edit-dest"),
        @JsonSubTypes.Type(value = Command.DeleteDest.class, name = "delete-dest"),
        @JsonSubTypes.Type(value = Command.Zero.class, name = "zero"),
        @JsonSubTypes.Type(value = Command.SetTimeouts.class, name = "set-timeouts"),
    })
    private interface CommandMixin {
    }

    private interface ServiceKeyMixin {
        @JsonIgnore
        boolean isFwmark();
    }

    private interface ServiceConfigMixin {
        @JsonIgnore
        boolean persistent();

        @JsonIgnore
        boolean onePacket();
    }

    private static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("jlvs");
        m.addSerializer(IpAddress.class, new JsonSerializer<>() {
            @Override
            public void serialize(IpAddress a, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(a.toString());
            }
        });
        m.addDeserializer(IpAddress.class, new JsonDeserializer<>() {
            @Override
            public IpAddress deserialize(JsonParser p, DeserializationContext c) throws IOException {
                IpAddress a = IpAddress.tryParse(p.getValueAsString());
                if (a == null) {
                    throw c.weirdStringException(p.getValueAsString(), IpAddress.class, "not an IP address");
                }
                return a;
            }
        });
        ObjectMapper om = new ObjectMapper();
        om.registerModule(m);
        om.addMixIn(Command.class, CommandMixin.class);
        om.addMixIn(ServiceKey.class, ServiceKeyMixin.class);
        om.addMixIn(ServiceConfig.class, ServiceConfigMixin.class);
        om.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return om;
    }

    public static byte[] encode(Object message) throws IOException {
        return MAPPER.writeValueAsBytes(message);
    }

    public static <T> T decode(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static void write(DataOutputStream out, Object message) throws IOException {
        Frames.write(out, encode(message));
    }
}
