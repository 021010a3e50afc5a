/**
 * The embedded self-service store: one relational database (an H2 file under the data directory
 * by default, or PostgreSQL) behind the IVR's ports. {@link acd.ivr.store.SelfServiceStore} opens
 * it from {@link acd.ivr.store.StoreSettings}, migrates the schema with Flyway, seeds customers
 * and recharge cards from {@code config/} and hands out the port implementations:
 * {@link acd.ivr.store.JdbcSelfService}, {@link acd.ivr.store.JdbcSurveyStore} and
 * {@link acd.ivr.store.StoredCustomerDirectory}.
 *
 * <p>Plain JDBC, one short transaction per request. The schema lives in
 * {@code db/migration/*.sql}, written in SQL that both H2 and PostgreSQL run. Times are passed
 * in by the caller; nothing here reads the wall clock.
 */
package acd.ivr.store;
