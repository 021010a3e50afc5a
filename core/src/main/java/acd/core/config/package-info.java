/**
 * Loading the routing configuration from YAML: a position-keeping YAML tree
 * ({@link acd.core.config.ConfigNode}), typed reading that collects every problem
 * ({@link acd.core.config.ConfigFields}), and the loader that turns files into a checked
 * {@link acd.core.model.RoutingConfig} or one {@link acd.core.config.ConfigError} naming file,
 * line and reason for each problem. The core reads no files; callers pass the text in.
 */
package acd.core.config;
