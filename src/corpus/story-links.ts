/** Keeps a story together when retention deletes its first item: the oldest survivor becomes its root. */

/**
 * `survivors`: the kept items whose story root is being deleted, ordered by id. Returns the new
 * `story_of` per item id: null for each story's new root, the new root's id for the rest.
 */
export function relinkStories(survivors: { id: number; story_of: number }[]): Map<number, number | null> {
  const newRoots = new Map<number, number>();
  const links = new Map<number, number | null>();
  for (const { id, story_of: oldRoot } of survivors) {
    const root = newRoots.get(oldRoot);
    if (root === undefined) {
      newRoots.set(oldRoot, id);
      links.set(id, null);
    } else {
      links.set(id, root);
    }
  }
  return links;
}
