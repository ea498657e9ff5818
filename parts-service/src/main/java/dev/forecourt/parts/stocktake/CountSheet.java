package dev.forecourt.parts.stocktake;

import java.util.List;

/** The parts of one bin location, in part-number order: what a storekeeper walks and counts. */
public record CountSheet(String binLocation, List<CountLine> lines) {
}
