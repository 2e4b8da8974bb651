package dev.orderpay.adapter.rest.buyer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void given_markup_and_quotes_when_escaped_then_none_of_them_survives() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void given_plain_text_when_escaped_then_it_is_unchanged() {
        assertThat(Html.escape("Ordre nr. 12 – 299,00 kr")).isEqualTo("Ordre nr. 12 – 299,00 kr");
    }
}
