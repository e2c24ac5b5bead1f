export interface BoardWords {
  /** Header of the progress bar column. */
  progress: string;
  /** First cell of each team row: the sums are over every rep on the board. */
  allReps: string;
  /** Header of the team block's column that counts reps per status. */
  byStatus: string;
  /** An older, twelve-column board whose next column holds a user's data: written without its bars. */
  barsBlocked: string;
}
