package com.plmr.mfa.adapter.out.notify;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    private static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void inserts_values_by_name() {
        Template template = new Template("t", "Code {{code}}, {{minutes}} min");

        assertThat(template.render(values("code", "123", "minutes", 5), UnaryOperator.identity()))
                .isEqualTo("Code 123, 5 min");
    }

    @Test
    void keeps_a_section_when_its_value_is_present_and_the_inverted_section_when_absent() {
        Template template = new Template("t", "{{#s}}with {{s}}{{/s}}{{^s}}without{{/s}}.");

        assertThat(template.render(values("s", "x"), UnaryOperator.identity())).isEqualTo("with x.");
        assertThat(template.render(values("s", null), UnaryOperator.identity())).isEqualTo("without.");
        assertThat(template.render(values("s", ""), UnaryOperator.identity())).isEqualTo("without.");
        assertThat(template.render(values("s", false), UnaryOperator.identity())).isEqualTo("without.");
        assertThat(template.render(values("s", true), UnaryOperator.identity())).isEqualTo("with true.");
    }

    @Test
    void escapes_inserted_values_but_not_the_template_text() {
        Template template = new Template("t", "<b>{{s}}</b>");

        assertThat(template.render(values("s", "<i>&"), Html::escape)).isEqualTo("<b>&lt;i&gt;&amp;</b>");
    }

    @Test
    void never_interprets_markup_inside_a_value() {
        Template template = new Template("t", "{{s}} / {{code}}");

        assertThat(template.render(values("s", "{{code}} {{#s}}x{{/s}} $1 \\", "code", "42"), UnaryOperator.identity()))
                .isEqualTo("{{code}} {{#s}}x{{/s}} $1 \\ / 42");
    }

    @Test
    void fails_on_a_name_it_has_no_value_for() {
        Template template = new Template("t", "Code {{cdoe}}");

        assertThatThrownBy(() -> template.render(values("code", "1"), UnaryOperator.identity()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{cdoe}}");
    }

    @Test
    void fails_on_an_unclosed_section() {
        Template template = new Template("t", "{{#s}}open");

        assertThatThrownBy(() -> template.render(values("s", "x"), UnaryOperator.identity()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("malformed");
    }
}
