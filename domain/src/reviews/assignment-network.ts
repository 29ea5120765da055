import type {
  AssignmentExpert,
  AssignmentItem,
  AssignmentProblem,
  PreparedAssignment,
} from './assignment-model';
import { createFlowNetworkBuilder, type FlowNetwork } from './min-cost-flow';

/**
 * source → item (cap: seats) → [item, organisation] (cap 1) → expert (cap 1, cost −affinity) → sink
 * (cap: load cap). The middle node enforces "one expert per organisation per item"; an organisation
 * with a single candidate for the item needs no middle node.
 */
export interface AssignmentNetwork {
  network: FlowNetwork;
  source: number;
  sink: number;
  itemNode: (itemIndex: number) => number;
  itemArc: Int32Array;
  expertArc: Int32Array;
  candidateArc: Int32Array;
  /** The item → organisation arc the candidate's flow passes, or −1. */
  candidateGroupArc: Int32Array;
}

export function buildAssignmentNetwork(
  prepared: PreparedAssignment<AssignmentItem, AssignmentExpert>,
): AssignmentNetwork {
  const { candidateStart, candidateExpert, candidateAffinity, organisationOf } = prepared;
  const itemCount = prepared.items.length;
  const expertCount = prepared.experts.length;
  const candidateCount = candidateExpert.length;
  const sameGroupAsNext = (index: number, end: number) =>
    index + 1 < end && organisationOf[candidateExpert[index + 1]] === organisationOf[candidateExpert[index]];
  let groupCount = 0;
  for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
    const end = candidateStart[itemIndex + 1];
    for (let index = candidateStart[itemIndex]; index < end; index++) {
      const startsGroup =
        index === candidateStart[itemIndex] ||
        organisationOf[candidateExpert[index]] !== organisationOf[candidateExpert[index - 1]];
      if (startsGroup && sameGroupAsNext(index, end)) groupCount++;
    }
  }
  const source = 0;
  const sink = 1;
  const firstItem = 2;
  const firstExpert = firstItem + itemCount;
  let nextGroupNode = firstExpert + expertCount;
  const builder = createFlowNetworkBuilder(
    nextGroupNode + groupCount,
    itemCount + expertCount + candidateCount + groupCount,
  );
  const itemArc = new Int32Array(itemCount);
  const expertArc = new Int32Array(expertCount);
  const candidateArc = new Int32Array(candidateCount);
  const candidateGroupArc = new Int32Array(candidateCount).fill(-1);
  for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
    const itemNode = firstItem + itemIndex;
    itemArc[itemIndex] = builder.addArc(source, itemNode, prepared.seats[itemIndex], 0);
    const end = candidateStart[itemIndex + 1];
    let groupNode = -1;
    let groupArc = -1;
    for (let index = candidateStart[itemIndex]; index < end; index++) {
      const expertNode = firstExpert + candidateExpert[index];
      const startsGroup =
        index === candidateStart[itemIndex] ||
        organisationOf[candidateExpert[index]] !== organisationOf[candidateExpert[index - 1]];
      if (startsGroup) {
        if (sameGroupAsNext(index, end)) {
          groupNode = nextGroupNode++;
          groupArc = builder.addArc(itemNode, groupNode, 1, 0);
        } else {
          groupNode = -1;
          groupArc = -1;
        }
      }
      candidateGroupArc[index] = groupArc;
      candidateArc[index] = builder.addArc(
        groupNode === -1 ? itemNode : groupNode,
        expertNode,
        1,
        -candidateAffinity[index],
      );
    }
  }
  for (let expertIndex = 0; expertIndex < expertCount; expertIndex++)
    expertArc[expertIndex] = builder.addArc(
      firstExpert + expertIndex,
      sink,
      prepared.capacity[expertIndex],
      0,
    );
  const { network, arcAt } = builder.build();
  const toArc = (arcs: Int32Array) => {
    for (let index = 0; index < arcs.length; index++)
      if (arcs[index] !== -1) arcs[index] = arcAt[arcs[index]];
  };
  toArc(itemArc);
  toArc(expertArc);
  toArc(candidateArc);
  toArc(candidateGroupArc);
  return {
    network,
    source,
    sink,
    itemNode: (itemIndex) => firstItem + itemIndex,
    itemArc,
    expertArc,
    candidateArc,
    candidateGroupArc,
  };
}

/**
 * After a maximum flow that falls short: the items the source can still reach form a set whose
 * experts are all full (a minimum cut), so these items together are the ones that cannot be served.
 */
export function explainCapacityShortfall(
  prepared: PreparedAssignment<AssignmentItem, AssignmentExpert>,
  built: AssignmentNetwork,
): AssignmentProblem {
  const { network, source } = built;
  const reached = new Uint8Array(network.nodeCount);
  const queue = new Int32Array(network.nodeCount);
  reached[source] = 1;
  queue[0] = source;
  let read = 0;
  let write = 1;
  while (read < write) {
    const node = queue[read++];
    for (let arc = network.firstArc[node]; arc < network.firstArc[node + 1]; arc++) {
      const next = network.head[arc];
      if (network.residual[arc] > 0 && reached[next] === 0) {
        reached[next] = 1;
        queue[write++] = next;
      }
    }
  }
  const itemIds: string[] = [];
  const experts = new Set<number>();
  let seatsNeeded = 0;
  let seatsAvailable = 0;
  prepared.items.forEach((item, itemIndex) => {
    if (reached[built.itemNode(itemIndex)] === 0) return;
    itemIds.push(item.id);
    seatsNeeded += prepared.seats[itemIndex];
    seatsAvailable += network.residual[network.reverse[built.itemArc[itemIndex]]];
    for (
      let index = prepared.candidateStart[itemIndex];
      index < prepared.candidateStart[itemIndex + 1];
      index++
    )
      experts.add(prepared.candidateExpert[index]);
  });
  const shown = itemIds.slice(0, 10).join(', ');
  const more =
    itemIds.length > 10
      ? { zh: ` 等 ${itemIds.length} 项`, en: ` and ${itemIds.length - 10} more` }
      : { zh: '', en: '' };
  return {
    kind: 'not-enough-capacity',
    itemIds,
    seatsNeeded,
    seatsAvailable,
    eligibleExperts: experts.size,
    reason: {
      zh: `${itemIds.length} 个项目（${shown}${more.zh}）共需 ${seatsNeeded} 个评审名额，符合条件的 ${experts.size} 名专家在负载上限和同单位限制下最多只能提供 ${seatsAvailable} 个`,
      en: `${itemIds.length} items (${shown}${more.en}) need ${seatsNeeded} reviewer seats, but their ${experts.size} eligible experts can fill at most ${seatsAvailable} within their load caps and one per organisation per item`,
    },
  };
}
