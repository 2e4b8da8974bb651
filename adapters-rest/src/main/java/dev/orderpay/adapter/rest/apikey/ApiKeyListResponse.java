package dev.orderpay.adapter.rest.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Every key in one answer: the keys from the environment first, then the managed ones oldest first. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ApiKeyList")
record ApiKeyListResponse(List<ApiKeyResponse> keys) {
}
