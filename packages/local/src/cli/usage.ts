/** The text of `customs help`. */
export const USAGE = `customs — continuous compliance for container platforms on AWS (CSA container recommendations)

Usage:
  customs scan --snapshot DIR [--format table|json|csv] [--config FILE] [--check ID]... [--severity S]...
      Assess an account snapshot (a folder of AWS CLI JSON outputs) against the check catalog.
  customs checks [--format table|json]
      List the check catalog with its metadata.
  customs help
      Show this text.

Exit status: 0 when the command ran, whatever it found; 2 on bad input, with the reason on stderr.
`;
