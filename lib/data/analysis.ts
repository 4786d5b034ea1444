import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { getAnalysisState, type AnalysisState } from "@/lib/analysis/run/runs";

/** The analysis state for the page being rendered ({@link getAnalysisState}). */
export const getAnalysisStatus = cache((): Promise<AnalysisState> => getAnalysisState(db));
