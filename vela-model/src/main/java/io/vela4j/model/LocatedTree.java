package io.vela4j.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML or JSON document read as a Jackson tree, with the source position of every field path —
 * for files that are not Kubernetes objects (rollout specs, placements) but whose errors must still
 * be located.
 *
 * @param root the document; integers are integral nodes, decimals exact {@code BigDecimal} nodes
 * @param sourceMap field path to position
 */
public record LocatedTree(JsonNode root, SourceMap sourceMap) {}
