/* intentionally empty: kept for the history of V12 */
