package dev.formation.platform.heroku;

import java.net.http.HttpHeaders;

/** One HTTP answer from the API, kept whole so errors can quote its id and request id. */
record ApiResponse(int status, HttpHeaders headers, String body) {
  String requestId() {
    return headers.firstValue("Request-Id").orElse(null);
  }
}
