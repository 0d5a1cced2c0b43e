# Import: csat scores on a 10-point scale (laris import --csat-scale).
reason-bad-score-1-10 = not a satisfaction score from 1 to 10
reason-bad-score-0-10 = not a satisfaction score from 0 to 10
