/**
 * Min-cost flow on a residual network held in typed arrays (millions of arcs without millions of objects).
 *
 * Primal-dual method: Dijkstra on reduced costs (with potentials) finds the length of the next shortest
 * augmenting path, then Dinic's blocking flows push every unit that can go along zero-reduced-cost arcs
 * before the next Dijkstra. Field-affinity costs are small integers, so the path length takes few values
 * and there are few phases; Dijkstra stops as soon as the sink is settled (distances of unsettled nodes
 * are capped at the sink's, which keeps every reduced cost non-negative).
 */
export interface FlowNetwork {
  nodeCount: number;
  /** Arcs are sorted by tail: node u owns arcs firstArc[u] .. firstArc[u + 1] - 1. */
  firstArc: Int32Array;
  head: Int32Array;
  residual: Int32Array;
  cost: Int32Array;
  /** The paired arc in the opposite direction. */
  reverse: Int32Array;
}

export interface FlowNetworkBuilder {
  /** Adds an arc and returns its number in creation order (see `arcAt` of `build`). */
  addArc(from: number, to: number, capacity: number, cost: number): number;
  build(): { network: FlowNetwork; arcAt: Int32Array };
}

export function createFlowNetworkBuilder(nodeCount: number, expectedArcs = 1024): FlowNetworkBuilder {
  let size = 0;
  let from = new Int32Array(expectedArcs);
  let to = new Int32Array(expectedArcs);
  let capacity = new Int32Array(expectedArcs);
  let cost = new Int32Array(expectedArcs);
  const grow = () => {
    const next = (array: Int32Array) => {
      const bigger = new Int32Array(Math.max(16, array.length * 2));
      bigger.set(array);
      return bigger;
    };
    from = next(from);
    to = next(to);
    capacity = next(capacity);
    cost = next(cost);
  };
  return {
    addArc(tail, headNode, arcCapacity, arcCost) {
      if (size === from.length) grow();
      from[size] = tail;
      to[size] = headNode;
      capacity[size] = arcCapacity;
      cost[size] = arcCost;
      return size++;
    },
    build() {
      const firstArc = new Int32Array(nodeCount + 1);
      for (let arc = 0; arc < size; arc++) {
        firstArc[from[arc] + 1]++;
        firstArc[to[arc] + 1]++;
      }
      for (let node = 0; node < nodeCount; node++) firstArc[node + 1] += firstArc[node];
      const fill = firstArc.slice(0, nodeCount);
      const total = size * 2;
      const network: FlowNetwork = {
        nodeCount,
        firstArc,
        head: new Int32Array(total),
        residual: new Int32Array(total),
        cost: new Int32Array(total),
        reverse: new Int32Array(total),
      };
      const arcAt = new Int32Array(size);
      for (let arc = 0; arc < size; arc++) {
        const forward = fill[from[arc]]++;
        const backward = fill[to[arc]]++;
        network.head[forward] = to[arc];
        network.residual[forward] = capacity[arc];
        network.cost[forward] = cost[arc];
        network.reverse[forward] = backward;
        network.head[backward] = from[arc];
        network.cost[backward] = -cost[arc];
        network.reverse[backward] = forward;
        arcAt[arc] = forward;
      }
      return { network, arcAt };
    },
  };
}

/** Pushes `amount` along an arc (used to start from a given flow, e.g. a random draw to be completed). */
export function pushOnArc(network: FlowNetwork, arc: number, amount: number): void {
  network.residual[arc] -= amount;
  network.residual[network.reverse[arc]] += amount;
}

export function flowOnArc(network: FlowNetwork, arc: number): number {
  return network.residual[network.reverse[arc]];
}

/** Lets a long run give the event loop a turn now and then, and stop when its signal aborts. */
export interface Pacer {
  isDue(): boolean;
  pause(): Promise<void>;
  /** Throws the signal's reason if it has aborted; for the boundaries between stages. */
  check(): void;
}

export function createPacer(signal?: AbortSignal, sliceMs = 50): Pacer {
  signal?.throwIfAborted();
  let sliceStart = performance.now();
  let calls = 0;
  const yieldTurn = () =>
    new Promise<void>((resolve) => {
      if (typeof setImmediate === 'function') setImmediate(resolve);
      else setTimeout(resolve, 0);
    });
  return {
    isDue() {
      // Reading the clock on every call would cost more than the work between calls.
      if ((++calls & 255) !== 0) return false;
      return performance.now() - sliceStart >= sliceMs;
    },
    check() {
      signal?.throwIfAborted();
    },
    async pause() {
      await yieldTurn();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    },
  };
}

export interface FlowRunOptions {
  source: number;
  sink: number;
  /** Stop once this much flow has been added. */
  limit: number;
  /** With costs: min-cost flow (arcs must have no negative-cost cycle at the start). Without: plain max flow. */
  useCosts: boolean;
  pacer: Pacer;
  onFlow?: (addedSoFar: number) => void;
}

export interface FlowRunResult {
  added: number;
  phases: number;
  /** Node potentials at the end (useful to check optimality: no residual arc has negative reduced cost). */
  potential: Float64Array;
}

export async function augmentFlow(network: FlowNetwork, options: FlowRunOptions): Promise<FlowRunResult> {
  const { nodeCount, firstArc, head, residual, cost, reverse } = network;
  const { source, sink, limit, useCosts, pacer } = options;
  const potential = useCosts ? initialPotentials(network, source) : new Float64Array(nodeCount);
  const distance = new Float64Array(nodeCount);
  const settled = new Uint8Array(nodeCount);
  const level = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const currentArc = new Int32Array(nodeCount);
  const pathArcs = new Int32Array(nodeCount);
  const heap = createHeap(Math.max(16, nodeCount));
  let added = 0;
  let phases = 0;

  const isAdmissible = (arc: number, tail: number, headNode: number) =>
    !useCosts || cost[arc] + potential[tail] - potential[headNode] === 0;

  /** Dijkstra on reduced costs; returns the sink's distance, or Infinity when it cannot be reached. */
  const findShortestDistances = (): number => {
    distance.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    heap.clear();
    distance[source] = 0;
    heap.push(0, source);
    while (heap.size > 0) {
      const key = heap.topKey();
      const node = heap.pop();
      if (settled[node] === 1 || key > distance[node]) continue;
      settled[node] = 1;
      if (node === sink) return key;
      const base = key + potential[node];
      for (let arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
        if (residual[arc] === 0) continue;
        const next = head[arc];
        if (settled[next] === 1) continue;
        const candidate = base + cost[arc] - potential[next];
        if (candidate < distance[next]) {
          distance[next] = candidate;
          heap.push(candidate, next);
        }
      }
    }
    return Number.POSITIVE_INFINITY;
  };

  const buildLevels = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    queue[0] = source;
    let read = 0;
    let write = 1;
    while (read < write) {
      const node = queue[read++];
      if (level[sink] !== -1 && level[node] >= level[sink]) break;
      for (let arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
        const next = head[arc];
        if (residual[arc] === 0 || level[next] !== -1 || !isAdmissible(arc, node, next)) continue;
        level[next] = level[node] + 1;
        queue[write++] = next;
      }
    }
    return level[sink] !== -1;
  };

  const pushBlockingFlow = async (room: number): Promise<number> => {
    currentArc.set(firstArc.subarray(0, nodeCount));
    let pushed = 0;
    let depth = 0;
    let node = source;
    while (pushed < room) {
      if (node === sink) {
        let bottleneck = room - pushed;
        for (let step = 0; step < depth; step++) bottleneck = Math.min(bottleneck, residual[pathArcs[step]]);
        for (let step = 0; step < depth; step++) {
          const arc = pathArcs[step];
          residual[arc] -= bottleneck;
          residual[reverse[arc]] += bottleneck;
        }
        pushed += bottleneck;
        depth = 0;
        node = source;
        if (pacer.isDue()) {
          options.onFlow?.(added + pushed);
          await pacer.pause();
        }
        continue;
      }
      const nextLevel = level[node] + 1;
      const end = firstArc[node + 1];
      let arc = currentArc[node];
      for (; arc < end; arc++) {
        const next = head[arc];
        if (residual[arc] > 0 && level[next] === nextLevel && isAdmissible(arc, node, next)) break;
      }
      currentArc[node] = arc;
      if (arc < end) {
        pathArcs[depth++] = arc;
        node = head[arc];
        continue;
      }
      // Dead end: no later search needs this node in this round.
      level[node] = -1;
      if (depth === 0) break;
      const back = pathArcs[--depth];
      node = head[reverse[back]];
      currentArc[node]++;
    }
    return pushed;
  };

  while (added < limit) {
    if (useCosts) {
      const sinkDistance = findShortestDistances();
      if (sinkDistance === Number.POSITIVE_INFINITY) break;
      for (let node = 0; node < nodeCount; node++)
        potential[node] += settled[node] === 1 ? distance[node] : sinkDistance;
    }
    pacer.check();
    phases++;
    let phaseAdded = 0;
    while (added < limit && buildLevels()) {
      const pushed = await pushBlockingFlow(limit - added);
      added += pushed;
      phaseAdded += pushed;
      options.onFlow?.(added);
      if (pacer.isDue()) await pacer.pause();
    }
    if (!useCosts) break;
    // Dijkstra reached the sink, so a zero-reduced-cost path exists; finding none is a bug, not infeasibility.
    if (phaseAdded === 0) throw new Error('min-cost flow: no admissible path after a finite shortest path');
    if (pacer.isDue()) await pacer.pause();
  }
  return { added, phases, potential };
}

/** Shortest distances from the source by label-correcting search (the start flow has no negative cycle). */
function initialPotentials(network: FlowNetwork, source: number): Float64Array {
  const { nodeCount, firstArc, head, residual, cost } = network;
  const potential = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const inQueue = new Uint8Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  let read = 0;
  let count = 1;
  queue[0] = source;
  inQueue[source] = 1;
  potential[source] = 0;
  while (count > 0) {
    const node = queue[read];
    read = (read + 1) % nodeCount;
    count--;
    inQueue[node] = 0;
    for (let arc = firstArc[node], end = firstArc[node + 1]; arc < end; arc++) {
      if (residual[arc] === 0) continue;
      const next = head[arc];
      const candidate = potential[node] + cost[arc];
      if (candidate < potential[next]) {
        potential[next] = candidate;
        if (inQueue[next] === 0) {
          inQueue[next] = 1;
          queue[(read + count) % nodeCount] = next;
          count++;
        }
      }
    }
  }
  // Nodes the source cannot reach never lie on an augmenting path; any finite value does.
  for (let node = 0; node < nodeCount; node++)
    if (potential[node] === Number.POSITIVE_INFINITY) potential[node] = 0;
  return potential;
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped when popped. */
function createHeap(initialCapacity: number) {
  let keys = new Float64Array(initialCapacity);
  let nodes = new Int32Array(initialCapacity);
  let size = 0;
  return {
    get size() {
      return size;
    },
    clear() {
      size = 0;
    },
    topKey() {
      return keys[0];
    },
    push(key: number, node: number) {
      if (size === keys.length) {
        const biggerKeys = new Float64Array(keys.length * 2);
        biggerKeys.set(keys);
        keys = biggerKeys;
        const biggerNodes = new Int32Array(nodes.length * 2);
        biggerNodes.set(nodes);
        nodes = biggerNodes;
      }
      let index = size++;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (keys[parent] <= key) break;
        keys[index] = keys[parent];
        nodes[index] = nodes[parent];
        index = parent;
      }
      keys[index] = key;
      nodes[index] = node;
    },
    pop(): number {
      const top = nodes[0];
      size--;
      if (size > 0) {
        const key = keys[size];
        const node = nodes[size];
        let index = 0;
        for (;;) {
          let child = 2 * index + 1;
          if (child >= size) break;
          if (child + 1 < size && keys[child + 1] < keys[child]) child++;
          if (keys[child] >= key) break;
          keys[index] = keys[child];
          nodes[index] = nodes[child];
          index = child;
        }
        keys[index] = key;
        nodes[index] = node;
      }
      return top;
    },
  };
}
