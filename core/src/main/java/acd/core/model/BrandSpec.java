package acd.core.model;

/**
 * A product brand with its own seats (e.g. 全球通, 动感地带, 神州行).
 *
 * @param id    the id used in config, events and reports
 * @param label the name shown to people
 */
public record BrandSpec(String id, String label) {
}
