/**
 * The routing configuration as plain data: skills, seat groups, customer tiers, brands, queues,
 * tier rules and agents, referring to each other by name. The YAML loader builds it (with file
 * and line in every error); the engine compiles it into indexed form at start.
 */
package acd.core.model;
