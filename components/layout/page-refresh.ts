import { useEffect } from "react";

/*
 * How the page on screen follows a change of the data. By default the frame renders the route again
 * (`router.refresh()`). A page that keeps its own data current registers its own way instead: the review
 * queue reads its rows again in place, since its unfiltered route is a kept page whose address carries the
 * data's state (lib/server/page-cache.ts) and a new render would start it afresh under the reviewer's hands.
 */
let ownRefresh: (() => void) | null = null;

/** Registers `refresh` as the way the page on screen follows a change, while the calling component is mounted. */
export function usePageRefresh(refresh: () => void) {
  useEffect(() => {
    ownRefresh = refresh;
    return () => {
      if (ownRefresh === refresh) ownRefresh = null;
    };
  }, [refresh]);
}

/** Brings the page on screen up to date: its own way if it registered one (true), else by rendering the route again. */
export function refreshPage(router: { refresh: () => void }): boolean {
  if (ownRefresh) {
    ownRefresh();
    return true;
  }
  router.refresh();
  return false;
}
