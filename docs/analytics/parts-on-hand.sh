#!/usr/bin/env bash
# Every part's quantity on hand, rebuilt from the parts event stream alone (帐物相符 without the
# database): received (accepted quantity) − issued + returned from repair orders ± stocktake
# adjustments − returned to suppliers.
#
#   docs/analytics/parts-on-hand.sh [broker] [store]
#
# Prints JSON: {"06L115562B": 24, "5Q0698151": 8, ...} — the same as each part's onHand in
# GET /api/v1/parts/{partNumber}.
set -euo pipefail
BROKER="${1:-localhost:9092}"
STORE="${2:-store-001}"

kcat -b "$BROKER" -C -t forecourt.parts.events -o beginning -e -q -J |
jq -s --arg store "$STORE" '
  def header($name): (.headers // []) as $h | [range(0; $h | length; 2) | select($h[.] == $name) | $h[. + 1]] | first;
  # delivery is at-least-once: an event sent twice (after a Kafka outage) counts once, by its id
  [ .[] | select(header("ce_storeid") == $store) | {id: header("ce_id"), type: header("ce_type"), data: (.payload | fromjson)} ]
  | unique_by(.id)
  | [ .[]
        | if .type == "forecourt.parts.parts-received.v1" then {part: .data.partNumber, change: .data.quantity}
          elif .type == "forecourt.parts.parts-issued.v1" then {part: .data.partNumber, change: (0 - .data.quantity)}
          elif .type == "forecourt.parts.parts-returned.v1" then {part: .data.partNumber, change: .data.quantity}
          elif .type == "forecourt.parts.stock-adjusted.v1" then {part: .data.partNumber, change: .data.quantity}
          elif .type == "forecourt.parts.supplier-return-recorded.v1" and .data.source == "FROM_STOCK"
            then {part: .data.partNumber, change: (0 - .data.quantity)}   # goods refused at receipt never were on hand
          else empty end ]
  | group_by(.part) | map({key: .[0].part, value: (map(.change) | add)}) | from_entries'
