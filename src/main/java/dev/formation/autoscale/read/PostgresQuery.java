package dev.formation.autoscale.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The one number a PostgreSQL query returns, read in a read-only transaction that is rolled back,
 * with short connect, socket and query timeouts. The only class that loads the JDBC driver. The URL
 * is Heroku's form, {@code postgres://user:password@host:port/db?sslmode=require}.
 */
final class PostgresQuery {
  private PostgresQuery() {}

  static long read(String url, String query, int timeoutMillis) throws ReadFailure {
    String password = Urls.password(url);
    Properties props = new Properties();
    String jdbc = jdbcUrl(url, props);
    int seconds = Math.max(1, (timeoutMillis + 999) / 1000);
    props.setProperty("connectTimeout", String.valueOf(seconds));
    props.setProperty("socketTimeout", String.valueOf(seconds + 1));
    props.setProperty("loginTimeout", String.valueOf(seconds));
    props.setProperty("ApplicationName", "formation autoscale");
    try (Connection c = new org.postgresql.Driver().connect(jdbc, props)) {
      if (c == null) {
        throw new ReadFailure("not a PostgreSQL URL: " + Urls.masked(url));
      }
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(seconds);
        s.setMaxRows(2);
        try (ResultSet rows = s.executeQuery(query)) {
          return backlog(rows);
        } finally {
          c.rollback();
        }
      }
    } catch (SQLException e) {
      throw new ReadFailure(
          "PostgreSQL at " + Urls.masked(url) + ": " + Urls.mask(e.getMessage(), password));
    }
  }

  /** One row of one numeric column, at least 0; a fraction of a job counts as a job. */
  private static long backlog(ResultSet rows) throws SQLException, ReadFailure {
    int columns = rows.getMetaData().getColumnCount();
    if (!rows.next()) {
      throw new ReadFailure("the queue's query returned no row; it must return one number");
    }
    Object value = rows.getObject(1);
    if (columns != 1 || rows.next()) {
      throw new ReadFailure(
          "the queue's query returned more than one "
              + (columns != 1 ? "column" : "row")
              + "; it must return one number");
    }
    if (!(value instanceof Number n)) {
      throw new ReadFailure(
          "the queue's query returned "
              + (value == null ? "NULL" : "a " + value.getClass().getSimpleName())
              + ", not a number");
    }
    BigDecimal number = new BigDecimal(n.toString()).setScale(0, RoundingMode.CEILING);
    if (number.signum() < 0) {
      throw new ReadFailure("the queue's query returned " + n + ", a negative backlog");
    }
    return number.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact();
  }

  /** The JDBC URL of a {@code postgres://} URL, its user and password moved into {@code props}. */
  static String jdbcUrl(String url, Properties props) throws ReadFailure {
    if (url.startsWith("jdbc:postgresql:")) {
      return url;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ReadFailure("not a PostgreSQL URL: " + Urls.masked(url));
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new ReadFailure("not a postgres:// URL: " + Urls.masked(url));
    }
    String info = uri.getUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      props.setProperty("user", colon < 0 ? info : info.substring(0, colon));
      if (colon >= 0) {
        props.setProperty("password", info.substring(colon + 1));
      }
    }
    return "jdbc:postgresql://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
