package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.out.webhook.WebhookResponse;

/** A webhook call's response as the application keeps it and shows it. */
final class WebhookAnswers {

    private WebhookAnswers() {
    }

    static AttemptResult resultOf(WebhookResponse response) {
        // Java 17 has no pattern switch; the response is sealed, so these two are all there are.
        if (response instanceof WebhookResponse.Answered answered) {
            return new AttemptResult.Answered(answered.statusCode(), answered.bodyExcerpt());
        }
        return new AttemptResult.NotAnswered(((WebhookResponse.NotAnswered) response).error());
    }
}
