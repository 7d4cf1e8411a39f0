"""The flow of applications through the funnel, for a Sankey diagram or SankeyMATIC.

Flows go stage to stage (Applied -> First interview -> Second interview -> Final interview ->
Offer) and from each stage to how the applications that stopped there ended (Rejected, No
response, Withdrawn, In progress). Ending nodes are shared by all stages. An offer is an end
in itself, accepted or declined alike: the canonical outcome of "Offer declined" is ``offer``
(the offer was received), so it ends at Offer. Only an application whose furthest stage is the
offer but whose outcome is not ``offer`` flows on from Offer, to its outcome: Rejected (an offer
rescinded after the offer stage was recorded), Withdrawn ("Withdrew after offer") or In progress.
Flows of zero are left out.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.core.schema import OUTCOME_LABELS, STAGE_LABELS, STAGES
from analysis.funnel.stages import ENDINGS, Funnel, build_funnel

NODE_LABELS: dict[str, str] = {**STAGE_LABELS, "applied": "Applied"}
"""Node names of the stages: "Applied" counts every application, the rest as in STAGE_LABELS."""


@dataclass(frozen=True)
class Flow:
    """``value`` applications went from node ``source`` to node ``target`` (display names)."""

    source: str
    target: str
    value: int

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"source": self.source, "target": self.target, "value": self.value}


def build_flows(apps: pd.DataFrame, funnel: Funnel | None = None) -> tuple[Flow, ...]:
    """The flows of the canonical applications table, stage by stage in funnel order.

    From each stage: first the flow to the next stage, then the endings in the order
    Rejected, No response, Withdrawn, In progress. Pass ``funnel`` when the funnel of ``apps``
    is already built, to save building it again.
    """
    funnel = build_funnel(apps) if funnel is None else funnel
    flows = []
    for i, result in enumerate(funnel.stages):
        source = NODE_LABELS[result.stage]
        if i + 1 < len(STAGES):
            following = funnel.stages[i + 1]
            flows.append(Flow(source, NODE_LABELS[following.stage], following.reached))
        flows.extend(Flow(source, OUTCOME_LABELS[outcome], result.ended[outcome]) for outcome in ENDINGS)
    return tuple(flow for flow in flows if flow.value > 0)


def to_sankeymatic(flows: tuple[Flow, ...] | list[Flow], colors: dict[str, str] | None = None) -> str:
    """The flows in SankeyMATIC's input syntax, one ``Source [value] Target`` line each.

    ``colors`` (node name -> "#rrggbb") adds ``:Node #rrggbb`` lines after the flows for the
    nodes that appear. The text ends with a newline unless there are no flows.
    """
    lines = [f"{flow.source} [{flow.value}] {flow.target}" for flow in flows]
    if colors:
        nodes = dict.fromkeys(name for flow in flows for name in (flow.source, flow.target))
        lines += [f":{node} {colors[node]}" for node in nodes if node in colors]
    return "".join(line + "\n" for line in lines)
