package dev.orderpay.adapter.rest.audit;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.input.QueryValues;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.order.Link;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.adapter.rest.security.RequiredScopes;
import dev.orderpay.application.port.in.audit.AuditPage;
import dev.orderpay.application.port.in.audit.ListAuditEntriesQuery;
import dev.orderpay.application.port.in.audit.ListAuditEntriesUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/** The audit log: who asked for which sensitive action, newest first. Read by those who manage keys. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(RequiredScopes.KEYS_MANAGE)
@StrictInput
@Tag(name = ApiDocumentation.AUDIT)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.InsufficientScope
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.KEYS)
class AuditLogController {

    private final ListAuditEntriesUseCase listEntries;

    AuditLogController(ListAuditEntriesUseCase listEntries) {
        this.listEntries = listEntries;
    }

    @Get(AuditQueries.AUDIT_LOG)
    @Operation(operationId = "listAuditLog", summary = "List the audit log, newest first",
            description = "One entry per capture, refund or cancellation asked for (also when the provider then"
                    + " refused it), webhook endpoint created, changed, deleted or given a new secret, event"
                    + " redelivered, and API key created or revoked; a request refused before anything changed"
                    + " leaves none. Entries hold ids and amounts only: no key, secret or personal data. Kept for"
                    + " ORDERPAY_AUDIT_RETENTION (400 days). Every filter is optional and they all apply together;"
                    + " the next link keeps them.")
    @ApiResponse(responseCode = "200", description = "One page of entries")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad limit, cursor or filter value",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    AuditLogResponse listAuditLog(@Parameter(description = "How many entries a page holds",
                                          schema = @Schema(type = "integer", minimum = "1",
                                                  maximum = "" + ListAuditEntriesQuery.MAX_LIMIT,
                                                  defaultValue = "" + ListAuditEntriesQuery.DEFAULT_LIMIT))
                                  @QueryValue(QueryValues.LIMIT) @Nullable String limit,
                                  @Parameter(description = "From a next link; opaque")
                                  @QueryValue(QueryValues.CURSOR) @Nullable String cursor,
                                  @Parameter(description = "Only this action, such as payment.refund_requested")
                                  @QueryValue(AuditQueries.ACTION) @Nullable String action,
                                  @Parameter(description = "Only what this client asked for: a managed key's id, or"
                                          + " an environment key's client id")
                                  @QueryValue(AuditQueries.ACTOR) @Nullable String actor,
                                  @Parameter(description = "Only entries about this order, webhook endpoint, event"
                                          + " or API key")
                                  @QueryValue(AuditQueries.TARGET_ID) @Nullable String targetId,
                                  @Parameter(description = "Occurred at or after this ISO 8601 instant")
                                  @QueryValue(AuditQueries.CREATED_FROM) @Nullable String createdFrom,
                                  @Parameter(description = "Occurred before this ISO 8601 instant")
                                  @QueryValue(AuditQueries.CREATED_TO) @Nullable String createdTo) {
        ListAuditEntriesQuery query = AuditQueries.listEntries(limit, cursor, action, actor, targetId, createdFrom,
                createdTo);
        AuditPage page = listEntries.listAuditEntries(query);
        List<Link> links = page.next()
                .map(next -> List.of(new Link("next", AuditQueries.page(query, next))))
                .orElse(List.of());
        return new AuditLogResponse(page.entries().stream().map(AuditEntryResponse::from).toList(), links);
    }
}
