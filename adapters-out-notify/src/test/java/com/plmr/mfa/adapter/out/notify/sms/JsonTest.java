package com.plmr.mfa.adapter.out.notify.sms;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

    @Test
    void writes_a_flat_object_in_order_with_escaping() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "say \"hi\"\n");
        fields.put("a", "ü\\");

        assertThat(Json.object(fields)).isEqualTo("{\"b\":\"say \\\"hi\\\"\\n\",\"a\":\"ü\\\\\"}");
    }

    @Test
    void reads_a_top_level_string_or_number_field_and_skips_nested_ones() {
        String body = "{\"nested\":{\"sid\":\"inner\"},\"list\":[{\"sid\":\"x\"}],\"sid\":\"SM1\",\"code\":21211}";

        assertThat(Json.topLevelField(body, "sid")).isEqualTo("SM1");
        assertThat(Json.topLevelField(body, "code")).isEqualTo("21211");
    }

    @Test
    void answers_null_for_anything_else() {
        assertThat(Json.topLevelField("{\"sid\":null}", "sid")).isNull();
        assertThat(Json.topLevelField("{\"sid\":{\"a\":1}}", "sid")).isNull();
        assertThat(Json.topLevelField("{\"other\":1}", "sid")).isNull();
        assertThat(Json.topLevelField("[1,2]", "sid")).isNull();
        assertThat(Json.topLevelField("<html>", "sid")).isNull();
        assertThat(Json.topLevelField("{\"sid\":\"SM1\"", "sid")).isEqualTo("SM1");
        assertThat(Json.topLevelField("{\"sid\":", "sid")).isNull();
        assertThat(Json.topLevelField("", "sid")).isNull();
        assertThat(Json.topLevelField(null, "sid")).isNull();
    }
}
