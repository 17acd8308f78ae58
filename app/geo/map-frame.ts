/** The national map's frame, shared by the server that draws it and the component that shows it. */
export const MAP_WIDTH = 560;
export const MAP_HEIGHT = 660;
export const MAP_PAD = 12;

/** The inset for Caribisch Nederland, in map pixels (top left lies in the North Sea). */
export const INSET = { x: MAP_PAD, y: MAP_PAD, width: 150, height: 96 } as const;

/** The credit line the boundary data asks for (see app/geo/README.md). */
export const MAP_CREDIT = 'Grenzen: CBS / PDOK (provincie 2019), vereenvoudigd door cartomap/nl';
