/**
 * A kebab-case name as a component name.
 * @example pascalCase('on-ecr-event'); // 'OnEcrEvent'
 */
export function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
