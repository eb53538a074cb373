/** A standalone IAM policy attached to the roles named (logical ids in the template). */
function rolePolicy(name, roles, statements) {
  return {
    Type: "AWS::IAM::Policy",
    Properties: {
      PolicyName: name,
      Roles: roles.map((role) => ({ Ref: role })),
      PolicyDocument: { Statement: statements },
    },
  };
}

module.exports = { rolePolicy };
