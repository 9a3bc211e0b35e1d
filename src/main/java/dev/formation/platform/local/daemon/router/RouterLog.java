package dev.formation.platform.local.daemon.router;

import dev.formation.platform.local.daemon.AppLog;

/** The router's lines in an app's log ({@code heroku[router]}), in Heroku's router format. */
final class RouterLog {
  private static final String SOURCE = "heroku[router]";
  private final AppLog log;

  RouterLog(AppLog log) {
    this.log = log;
  }

  /** A request answered in {@code ms} milliseconds. */
  void served(RequestHead r, String dyno, long ms, int status) {
    log.line(
        SOURCE,
        "at=info "
            + r.named()
            + " request_id="
            + r.id
            + " dyno="
            + dyno
            + " service="
            + ms
            + "ms status="
            + status);
  }

  /** A request whose connection now tunnels {@code protocol}. */
  void upgraded(RequestHead r, String dyno, String protocol) {
    log.line(
        SOURCE,
        "at=info "
            + r.named()
            + " request_id="
            + r.id
            + " dyno="
            + dyno
            + " status=101 protocol="
            + protocol);
  }

  /** A request the router answered itself with an error: {@code code} is the H-code part. */
  void failed(String code, RequestHead r, String dyno) {
    log.line(
        SOURCE,
        code + " " + r.named() + (dyno == null ? "" : " dyno=" + dyno) + " request_id=" + r.id);
  }

  /** A dyno that closed its connection in the middle of its answer. */
  void cutOff(RequestHead r, String dyno) {
    log.line(
        SOURCE,
        "at=error code=H13 desc=\"Connection closed without response\" dyno="
            + dyno
            + " request_id="
            + r.id);
  }

  /** Why a request to a dyno failed. */
  void why(RequestHead r, String dyno, String why) {
    log.line(SOURCE, "dyno=" + dyno + " request_id=" + r.id + " " + why);
  }
}
