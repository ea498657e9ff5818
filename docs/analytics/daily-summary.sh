#!/usr/bin/env bash
# The showroom's evening review (进店、成交、战败) for one store day, rebuilt from the sales event
# stream alone — no API, no database: what an analyst with kcat and jq can do.
#
#   docs/analytics/daily-summary.sh 2026-12-05 [broker] [store] [UTC offset hours]
#
# Prints JSON: {date, consultants: [{consultantId, consultantName, walkIns, newLeads, won, lost}], totals}
# The same figures as GET /api/v1/sales-reports/daily?date=… for those columns. A lead counts for the
# consultant who holds it now (the last lead-reassigned wins); a day is the store's calendar day
# (Asia/Shanghai: UTC+8 by default).
set -euo pipefail
DATE="${1:?usage: daily-summary.sh <yyyy-mm-dd> [broker] [store] [utc offset hours]}"
BROKER="${2:-localhost:9092}"
STORE="${3:-store-001}"
OFFSET_HOURS="${4:-8}"

kcat -b "$BROKER" -C -t forecourt.sales.events -o beginning -e -q -J |
jq -s --arg date "$DATE" --arg store "$STORE" --argjson offset "$OFFSET_HOURS" '
  # headers come as [name, value, name, value, ...]
  def header($name): (.headers // []) as $h | [range(0; $h | length; 2) | select($h[.] == $name) | $h[. + 1]] | first;
  def storeday: sub("\\.[0-9]+"; "") | fromdateiso8601 + $offset * 3600 | strftime("%Y-%m-%d");
  # delivery is at-least-once: an event sent twice (after a Kafka outage) counts once, by its id
  [ .[] | select(header("ce_storeid") == $store)
        | {id: header("ce_id"), type: header("ce_type"), data: (.payload | fromjson)} ] | unique_by(.id) as $events
  # who holds each lead now, and under which name
  | (reduce ($events[] | select(.type == "forecourt.sales.lead-opened.v1" or .type == "forecourt.sales.lead-reassigned.v1")) as $e ({};
      if $e.type == "forecourt.sales.lead-opened.v1"
      then .[$e.data.leadId] = {id: $e.data.consultantId, name: $e.data.consultantName}
      else .[$e.data.leadId] = {id: $e.data.toConsultantId, name: $e.data.toConsultantName} end)) as $holder
  | [ $events[]
      | if .type == "forecourt.sales.lead-opened.v1" and (.data.openedAt | storeday) == $date then
          {lead: .data.leadId, newLeads: 1, walkIns: (if .data.source == "WALK_IN" then 1 else 0 end), won: 0, lost: 0}
        elif .type == "forecourt.sales.lead-won.v1" and (.data.wonAt | storeday) == $date then
          {lead: .data.leadId, newLeads: 0, walkIns: 0, won: 1, lost: 0}
        elif .type == "forecourt.sales.lead-lost.v1" and (.data.lostAt | storeday) == $date then
          {lead: .data.leadId, newLeads: 0, walkIns: 0, won: 0, lost: 1}
        else empty end
      | . + {consultant: $holder[.lead]} ]
  | group_by(.consultant.id)
  | map({consultantId: .[0].consultant.id, consultantName: .[0].consultant.name,
         walkIns: (map(.walkIns) | add), newLeads: (map(.newLeads) | add), won: (map(.won) | add), lost: (map(.lost) | add)})
  | {date: $date, consultants: ., totals: {walkIns: (map(.walkIns) | add // 0), newLeads: (map(.newLeads) | add // 0),
                                           won: (map(.won) | add // 0), lost: (map(.lost) | add // 0)}}'
