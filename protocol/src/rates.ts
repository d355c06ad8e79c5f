/** Downloaded exchange rates (issue 15): the update the user asks for, and what the client needs for its one-time offer. */
import { RequestType } from 'vscode-jsonrpc';

/** client → server: fetch the ECB's and the Fed's rates into the user's global storage, install them, refresh conversions. */
export const UpdateRatesRequest = new RequestType<UpdateRatesParams, UpdateRatesResult, void>('digestLens/updateRates');
export interface UpdateRatesParams {
  /** Unused yet; an object so that options can be added. */
  reason?: 'command' | 'offer';
}
export interface UpdateRatesResult {
  /** Whether new rates were stored and installed. */
  updated: boolean;
  /** The outcome in the user's language: each source's newest day, or why it failed. */
  message: string;
  /** The newest day of any rate now, YYYY-MM-DD. */
  newestDay: string;
}

/** client → server: a note's date and the newest day with a rate, for the offer to fetch rates. */
export const RatesStateRequest = new RequestType<RatesStateParams, RatesStateResult, void>('digestLens/ratesState');
export interface RatesStateParams {
  uri: string;
}
export interface RatesStateResult {
  /** The note's date, YYYY-MM-DD or YYYY-MM, or null (undated, not a digest). */
  noteDate: string | null;
  /** The newest day with a rate: built-in or downloaded, YYYY-MM-DD. */
  newestDay: string;
  /** Whether the server has somewhere to keep downloaded rates (the client sent ratesDir). */
  canUpdate: boolean;
}
